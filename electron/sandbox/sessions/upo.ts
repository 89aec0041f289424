/** UPO documents of this module's sessions, built from the shared invoice archive (UPO v4-3). */
import { createHash } from 'node:crypto';
import { invoiceArchive, type StoredInvoice } from '../invoices/archive';
import { buildInvoiceUpo, buildSessionUpoPages, type UpoDocument, type UpoHeader } from '../invoices/upo';
import type { SandboxStore } from '../state/store';
import type { SessionRecord } from './types';

/**
 * Token sign-ins name the token; signed sign-ins carry the hash of the signed AuthTokenRequest. Sessions
 * from state files older than that record fall back to the hash of the authentication reference number.
 */
export function upoHeaderOf(session: SessionRecord): UpoHeader {
  return {
    sessionReferenceNumber: session.referenceNumber,
    authentication: {
      context: { type: session.context.type, value: session.context.value },
      proof: session.ksefTokenReference
        ? { kind: 'KsefToken', tokenReferenceNumber: session.ksefTokenReference }
        : {
            kind: 'SignedDocument',
            documentHashBase64: session.authDocumentHash ?? createHash('sha256').update(session.authReferenceNumber).digest('base64'),
          },
    },
  };
}

export function upoDocumentOf(invoice: StoredInvoice): UpoDocument {
  return {
    sellerNip: invoice.facts.seller.nip,
    ksefNumber: invoice.ksefNumber,
    invoiceNumber: invoice.facts.invoiceNumber,
    issueDate: invoice.facts.issueDate,
    sentAt: new Date(invoice.invoicingDate),
    ksefNumberAssignedAt: new Date(invoice.acquisitionDate),
    invoiceHashBase64: invoice.invoiceHash,
    invoicingMode: invoice.invoicingMode,
  };
}

/** Per-invoice UPO, available as soon as the invoice has its KSeF number. */
export function invoiceUpoXml(store: SandboxStore, session: SessionRecord, ksefNumber: string): string | undefined {
  const stored = invoiceArchive(store).byKsefNumber[ksefNumber];
  return stored ? buildInvoiceUpo(upoHeaderOf(session), upoDocumentOf(stored)) : undefined;
}

/** Session UPO pages (≤10 000 documents each) over the accepted invoices, in ordinal order. */
export function sessionUpoXmlPages(store: SandboxStore, session: SessionRecord): string[] {
  const archive = invoiceArchive(store).byKsefNumber;
  const documents = session.invoices
    .filter((invoice) => invoice.status.code === 200 && invoice.ksefNumber)
    .map((invoice) => archive[invoice.ksefNumber ?? ''])
    .filter((stored): stored is StoredInvoice => stored !== undefined)
    .map(upoDocumentOf);
  return documents.length ? buildSessionUpoPages(upoHeaderOf(session), documents) : [];
}

export function xmlHashHeader(xml: string): Record<string, string> {
  return { 'x-ms-meta-hash': createHash('sha256').update(xml, 'utf8').digest('base64') };
}
