/**
 * Checking invoice files before they enter the outbox: no BOM, the FA(3) structure (the reader) and the
 * official XSD (the in-app validator, when wired), each problem with its code, line, element and Polish words;
 * the list columns come from the model.
 */
import type { Invoice } from '../../../shared/domain/invoice';
import { describeInvoice, readInvoiceXml } from '../invoices/xml';

export interface InvoiceSummary {
  kind: string;
  invoiceNumber: string;
  issueDate: string;
  sellerNip: string;
  buyerName: string;
  buyerIdentifier: string;
  grossTotal: string;
  currency: string;
}

export interface FileProblem {
  /** The reader's codes (MALFORMED_XML, NOT_FA3, INVALID_FA3, …) or the validator's (SCHEMA, BOM, DOCTYPE, …). */
  code: string;
  message: string;
  /** The same in Polish, when the check that found it words it (the validator does). */
  messagePl?: string;
  line: number | null;
  /** Element path, e.g. /Faktura/Fa/P_2. */
  path: string | null;
}

type SchemaReportPort = { valid: boolean; errors: { code?: string; line: number | null; path: string; message: string; messagePl?: string }[] };

/** The FA(3) validator (`getFa3Validator()`): one libxml2 run for a whole batch when `validateMany` is there. */
export interface SchemaValidatorPort {
  validate(xml: Buffer | string): Promise<SchemaReportPort>;
  validateMany?(xmls: readonly Buffer[]): Promise<SchemaReportPort[]>;
}

export type FileCheck = { ok: true; summary: InvoiceSummary } | { ok: false; problems: FileProblem[] };

const BOM_PROBLEM: FileProblem = {
  code: 'BOM',
  message: 'The document must be UTF-8 without a byte order mark (BOM).',
  messagePl: 'Plik musi być zapisany w UTF-8 bez znacznika BOM.',
  line: 1,
  path: null,
};

export class InvoiceFileChecker {
  constructor(private readonly schema: SchemaValidatorPort | null = null) {}

  async check(xml: Buffer): Promise<FileCheck> {
    const [result] = await this.checkMany([xml]);
    return result ?? { ok: false, problems: [] };
  }

  /** Many files, one schema pass: an import of a thousand invoices costs one validator run, not a thousand. */
  async checkMany(xmls: readonly Buffer[]): Promise<FileCheck[]> {
    // KSeF refuses a BOM (PROTOCOL §8) although the reader accepts it; refuse it here too, validator or not.
    const read = xmls.map((xml) => (xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? null : readInvoiceXml(xml)));
    const readable = xmls.filter((_xml, index) => read[index]?.ok === true);
    const reports = this.schema && readable.length > 0 ? await this.validate(this.schema, readable) : [];
    let next = 0;
    return read.map((result): FileCheck => {
      if (result === null) return { ok: false, problems: [BOM_PROBLEM] };
      if (!result.ok) return { ok: false, problems: [{ code: result.code, message: result.message, line: result.line ?? null, path: result.path ?? null }] };
      const report = this.schema ? reports[next++] : undefined;
      if (report && !report.valid) {
        return {
          ok: false,
          problems: report.errors.map((error) => ({
            code: error.code ?? 'SCHEMA',
            message: error.message,
            ...(error.messagePl ? { messagePl: error.messagePl } : {}),
            line: error.line,
            path: error.path || null,
          })),
        };
      }
      return { ok: true, summary: summaryOf(result.invoice) };
    });
  }

  private validate(schema: SchemaValidatorPort, xmls: readonly Buffer[]): Promise<SchemaReportPort[]> {
    return schema.validateMany ? schema.validateMany(xmls) : Promise.all(xmls.map((xml) => schema.validate(xml)));
  }
}

function summaryOf(invoice: Invoice): InvoiceSummary {
  const described = describeInvoice(invoice);
  return {
    kind: described.kind,
    invoiceNumber: described.number,
    issueDate: described.issueDate,
    sellerNip: described.sellerNip,
    buyerName: described.buyerName,
    buyerIdentifier: described.buyerIdentifier,
    grossTotal: described.grossTotal,
    currency: described.currency,
  };
}
