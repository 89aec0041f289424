/**
 * The session-level rules after the per-invoice pipeline: issuer entitlement (410), global duplicates (440),
 * KSeF number and archiving. Runs synchronously per invoice, so two copies in flight cannot both pass the
 * duplicate check.
 */
import { randomBytes } from 'node:crypto';
import { archiveInvoice, invoiceArchive } from '../invoices/archive';
import { duplicateDetail, duplicateKeyOf } from '../invoices/duplicates';
import { buildKsefNumber } from '../invoices/ksef-number';
import type { ProcessInvoiceResult } from '../invoices/process';
import type { ContextIdentifier } from '../state/types';
import type { SessionRuntime } from './runtime';
import { invoiceStatus } from './statuses';
import type { SessionInvoiceRecord, SessionRecord } from './types';

/**
 * The NIP a context may invoice for. Self-invoicing, tax representatives, VAT groups etc. need grants the
 * sandbox does not model, so only the context's own NIP qualifies (PROTOCOL §8 → 410 otherwise).
 */
export function contextSellerNip(context: ContextIdentifier): string | undefined {
  switch (context.type) {
    case 'Nip':
      return context.value;
    case 'InternalId':
    case 'NipVatUe':
      return context.value.slice(0, 10);
    default:
      return undefined;
  }
}

export function settleInvoice(
  runtime: SessionRuntime,
  session: SessionRecord,
  invoice: SessionInvoiceRecord,
  xml: Buffer,
  result: ProcessInvoiceResult,
): void {
  const store = runtime.deps.store;
  runtime.touch(session);
  if (!result.ok) {
    invoice.status = invoiceStatus(result.code, result.details);
    return;
  }
  const { facts } = result;
  invoice.invoiceNumber = facts.invoiceNumber;
  invoice.invoicingMode = result.invoicingMode;
  invoice.invoiceHash = result.invoiceHash;
  if (contextSellerNip(session.context) !== facts.seller.nip) {
    invoice.status = invoiceStatus(410, [
      `Kontekst ${session.context.type} ${session.context.value} nie ma uprawnień do wystawienia faktury w imieniu sprzedawcy ${facts.seller.nip}.`,
    ]);
    return;
  }
  const key = duplicateKeyOf(facts);
  const original = invoiceArchive(store).duplicates[key];
  if (original) {
    invoice.status = invoiceStatus(440, [duplicateDetail(original.ksefNumber, original.sessionReferenceNumber)], {
      originalSessionReferenceNumber: original.sessionReferenceNumber,
      originalKsefNumber: original.ksefNumber,
    });
    return;
  }
  const acquiredAt = runtime.now();
  // KSeF fills permanentStorageDate asynchronously and always after acquisitionDate.
  const storedAt = new Date(acquiredAt.getTime() + 1);
  const ksefNumber = buildKsefNumber(facts.seller.nip, new Date(invoice.invoicingDate), randomBytes(6).toString('hex'));
  archiveInvoice(
    store,
    {
      ksefNumber,
      xml,
      invoiceHash: result.invoiceHash,
      invoiceSize: result.invoiceSize,
      facts,
      invoicingDate: invoice.invoicingDate,
      acquisitionDate: acquiredAt.toISOString(),
      permanentStorageDate: storedAt.toISOString(),
      invoicingMode: result.invoicingMode,
      senderContext: session.context,
      sessionReferenceNumber: session.referenceNumber,
      invoiceReferenceNumber: invoice.referenceNumber,
      ...(invoice.hashOfCorrectedInvoice ? { hashOfCorrectedInvoice: invoice.hashOfCorrectedInvoice } : {}),
    },
    key,
  );
  invoice.ksefNumber = ksefNumber;
  invoice.acquisitionDate = acquiredAt.toISOString();
  invoice.permanentStorageDate = storedAt.toISOString();
  invoice.status = invoiceStatus(200);
}
