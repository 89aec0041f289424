/**
 * The per-invoice pipeline of the sandbox: bytes check → XSD (or structural) check → facts → KSeF semantic rules
 * (issue date not after acceptance; automatic offline mode). Duplicate detection and KSeF numbers are the caller's.
 */
import { createHash } from 'node:crypto';
import { extractFactsFromDocument, type FactsResult } from './facts';
import type { InvoiceFacts } from './facts-types';
import { rejectInvoice, semanticError, type InvoiceRejection } from './rejection';
import type { Fa3SchemaValidator, SchemaVerdict } from './schema-validator';
import { inspectInvoiceBytes } from './validate';
import { warsawDateOf } from './warsaw-time';

export type InvoicingMode = 'Online' | 'Offline';

export interface ProcessInvoiceOptions {
  /** `invoicingDate`: when the invoice was accepted for processing (online: sent; batch: session opened). */
  receivedAt: Date;
  /** Official XSD check; without it only the structural checks of `extractInvoiceFacts` apply. */
  schemaValidator?: Fa3SchemaValidator;
  /** `offlineMode` declared by the client at send/session open. */
  offlineMode?: boolean;
  /** False for online sessions and for sellers without attachment consent (→ 415). Default true. */
  attachmentsAllowed?: boolean;
}

export interface AcceptedInvoice {
  ok: true;
  facts: InvoiceFacts;
  invoicingMode: InvoicingMode;
  invoicingDate: Date;
  /** SHA-256 of the exact bytes, Base64 (the `invoiceHash` of statuses, metadata and UPO `SkrotDokumentu`). */
  invoiceHash: string;
  invoiceSize: number;
}

export type ProcessInvoiceResult = AcceptedInvoice | InvoiceRejection;

export async function processInvoice(xml: Buffer, options: ProcessInvoiceOptions): Promise<ProcessInvoiceResult> {
  const prepared = prepareInvoice(xml);
  if (!prepared.ok) return prepared;
  const verdict = options.schemaValidator ? await options.schemaValidator.validate(xml) : undefined;
  return finishInvoice(xml, prepared.extracted, verdict, options);
}

/**
 * Same as `processInvoice` for a whole batch, with one schema-validation pass over all byte-valid invoices.
 * DOMs are dropped right after fact extraction so 10 000 invoices do not sit in memory as trees.
 */
export async function processInvoices(xmls: readonly Buffer[], options: ProcessInvoiceOptions): Promise<ProcessInvoiceResult[]> {
  const prepared = xmls.map((xml) => prepareInvoice(xml));
  const toValidate = xmls.filter((_, index) => prepared[index]?.ok === true);
  const verdicts = options.schemaValidator ? await options.schemaValidator.validateMany(toValidate) : [];
  let verdictIndex = 0;
  return xmls.map((xml, index) => {
    const entry = prepared[index];
    if (!entry || !entry.ok) return entry ?? rejectInvoice(430, ['Missing input.']);
    const verdict = options.schemaValidator ? verdicts[verdictIndex++] : undefined;
    return finishInvoice(xml, entry.extracted, verdict, options);
  });
}

/** Byte checks, then facts (kept for later; the schema verdict decides whether they are used). */
function prepareInvoice(xml: Buffer): { ok: true; extracted: FactsResult } | InvoiceRejection {
  const inspected = inspectInvoiceBytes(xml);
  return inspected.ok ? { ok: true, extracted: extractFactsFromDocument(inspected.document) } : inspected;
}

function finishInvoice(
  xml: Buffer,
  extracted: FactsResult,
  verdict: SchemaVerdict | undefined,
  options: ProcessInvoiceOptions,
): ProcessInvoiceResult {
  // Schema errors take precedence over the structural messages of fact extraction.
  if (verdict && !verdict.ok) return rejectInvoice(430, verdict.details);
  if (!extracted.ok) return extracted;
  const { facts } = extracted;
  if (facts.hasAttachment && options.attachmentsAllowed === false) {
    return rejectInvoice(415, ['Invoices with attachments (Zalacznik) are not allowed here.']);
  }
  const acceptanceDay = warsawDateOf(options.receivedAt);
  if (facts.issueDate > acceptanceDay) {
    return semanticError(`The issue date P_1 ${facts.issueDate} is later than the acceptance date ${acceptanceDay}.`);
  }
  return {
    ok: true,
    facts,
    invoicingMode: resolveInvoicingMode(facts.issueDate, options.receivedAt, options.offlineMode ?? false),
    invoicingDate: options.receivedAt,
    invoiceHash: createHash('sha256').update(xml).digest('base64'),
    invoiceSize: xml.length,
  };
}

/** KSeF marks an invoice Offline when declared so, or when P_1's day is before the acceptance day (Warsaw time). */
export function resolveInvoicingMode(issueDate: string, receivedAt: Date, offlineMode: boolean): InvoicingMode {
  return offlineMode || issueDate < warsawDateOf(receivedAt) ? 'Offline' : 'Online';
}
