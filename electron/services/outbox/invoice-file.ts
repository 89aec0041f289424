/**
 * Checking an invoice file before it enters the outbox: FA(3) structure (helper A's reader) and the official
 * XSD (helper B's validator, when wired), each problem with its line and element; the list columns come
 * from the model.
 */
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
  /** MALFORMED_XML, NOT_FA3, INVALID_FA3, SCHEMA, … */
  code: string;
  message: string;
  line: number | null;
  /** Element path, e.g. /Faktura/Fa/P_2. */
  path: string | null;
}

/** The shape of helper B's `getFa3Validator()` (INTERFACES.md §B). */
export interface SchemaValidatorPort {
  validate(xml: Buffer | string): Promise<{ valid: boolean; errors: { line: number | null; path: string; message: string; messagePl?: string }[] }>;
}

export type FileCheck = { ok: true; summary: InvoiceSummary } | { ok: false; problems: FileProblem[] };

export class InvoiceFileChecker {
  constructor(private readonly schema: SchemaValidatorPort | null = null) {}

  async check(xml: Buffer): Promise<FileCheck> {
    const read = readInvoiceXml(xml);
    if (!read.ok) return { ok: false, problems: [{ code: read.code, message: read.message, line: read.line ?? null, path: read.path ?? null }] };
    if (this.schema) {
      const report = await this.schema.validate(xml);
      if (!report.valid) {
        return { ok: false, problems: report.errors.map((error) => ({ code: 'SCHEMA', message: error.message, line: error.line, path: error.path || null })) };
      }
    }
    const described = describeInvoice(read.invoice);
    return {
      ok: true,
      summary: {
        kind: described.kind,
        invoiceNumber: described.number,
        issueDate: described.issueDate,
        sellerNip: described.sellerNip,
        buyerName: described.buyerName,
        buyerIdentifier: described.buyerIdentifier,
        grossTotal: described.grossTotal,
        currency: described.currency,
      },
    };
  }
}
