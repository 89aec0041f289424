import type { SandboxStore } from '../state/store';
import type { ContextIdentifier } from '../state/types';
import type { InvoiceFacts } from './facts-types';

/**
 * Every invoice the sandbox has accepted (sent through sessions or seeded as "received"),
 * shared by the sessions module (writes) and the retrieval module (query, download, export).
 */
export interface StoredInvoice {
  ksefNumber: string;
  /** Exact bytes as sent; download returns them unchanged. */
  xml: Buffer;
  /** Base64 SHA-256 of `xml`. */
  invoiceHash: string;
  invoiceSize: number;
  facts: InvoiceFacts;
  /** ISO instants: accepted for processing, KSeF number assigned, stored permanently. */
  invoicingDate: string;
  acquisitionDate: string;
  permanentStorageDate: string;
  invoicingMode: 'Online' | 'Offline';
  /** The context that sent it (for seeded invoices: the seller's NIP context). */
  senderContext: ContextIdentifier;
  sessionReferenceNumber: string;
  invoiceReferenceNumber: string;
  hashOfCorrectedInvoice?: string;
}

export interface DuplicateRecord {
  ksefNumber: string;
  sessionReferenceNumber: string;
}

export interface InvoiceArchive {
  /** Keyed by KSeF number. */
  byKsefNumber: Record<string, StoredInvoice>;
  /** Keyed by `duplicateKey(...)` from duplicates.ts. */
  duplicates: Record<string, DuplicateRecord>;
}

export const invoiceArchive = (store: SandboxStore) =>
  store.slice<InvoiceArchive>('invoiceArchive', () => ({ byKsefNumber: {}, duplicates: {} }));

/** Adds an accepted invoice and its duplicate key in one step, so the two never disagree. */
export function archiveInvoice(store: SandboxStore, invoice: StoredInvoice, duplicateKeyValue: string): void {
  const archive = invoiceArchive(store);
  archive.byKsefNumber[invoice.ksefNumber] = invoice;
  archive.duplicates[duplicateKeyValue] = {
    ksefNumber: invoice.ksefNumber,
    sessionReferenceNumber: invoice.sessionReferenceNumber,
  };
  store.changed();
}
