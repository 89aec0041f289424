/** What one KSeF invoice status means for an outbox item (shared by online, batch and resume). */
import { INVOICE_ACCEPTED, INVOICE_DUPLICATE, INVOICE_PENDING, type SessionInvoice } from '../ksef/api/sessions-models';
import type { ItemColumn, StoredItem } from './outbox-store';
import type { OutboxState } from '../../../shared/ipc/channels/outbox';

export interface ItemUpdate {
  id: string;
  state: OutboxState;
  note?: string;
  changes: Partial<Record<ItemColumn, string | number | null>>;
}

export type Outcome =
  | { kind: 'pending' }
  | { kind: 'accepted'; update: ItemUpdate; ksefNumber: string; upoSessionRef: string; invoiceRef: string | null }
  | { kind: 'rejected'; update: ItemUpdate };

/**
 * 200 → accepted with its KSeF number. 440 (duplicate) with `originalKsefNumber` for an invoice we may have
 * sent before (a resumed send) → accepted with the recovered number, never sent again. Other codes →
 * rejected with KSeF's code, description and details.
 */
export function outcomeOf(item: StoredItem, status: SessionInvoice, sessionRef: string): Outcome {
  const code = status.status.code;
  if (INVOICE_PENDING.has(code)) return { kind: 'pending' };
  if (code === INVOICE_ACCEPTED && status.ksefNumber) {
    return {
      kind: 'accepted',
      ksefNumber: status.ksefNumber,
      upoSessionRef: sessionRef,
      invoiceRef: status.referenceNumber,
      update: {
        id: item.id,
        state: 'accepted',
        note: `KSeF ${status.ksefNumber}`,
        changes: { ksef_number: status.ksefNumber, accepted_at: status.acquisitionDate ?? new Date().toISOString(), session_ref: sessionRef, invoice_ref: status.referenceNumber, error_code: null, error_description: null, error_details: null },
      },
    };
  }
  const original = status.status.extensions?.originalKsefNumber;
  const originalSession = status.status.extensions?.originalSessionReferenceNumber;
  if (code === INVOICE_DUPLICATE && original && item.attempts > 1 && (item.correctedHash === null)) {
    return {
      kind: 'accepted',
      ksefNumber: original,
      upoSessionRef: originalSession ?? sessionRef,
      invoiceRef: null,
      update: {
        id: item.id,
        state: 'accepted',
        note: `KSeF already had it: ${original}`,
        changes: { ksef_number: original, accepted_at: new Date().toISOString(), session_ref: originalSession ?? sessionRef, invoice_ref: null, error_code: null, error_description: null, error_details: null },
      },
    };
  }
  return {
    kind: 'rejected',
    update: {
      id: item.id,
      state: 'rejected',
      note: `${code} ${status.status.description}`,
      changes: { error_code: String(code), error_description: status.status.description, error_details: JSON.stringify(status.status.details ?? []) },
    },
  };
}

/** A rejection before KSeF processed the file (4xx on submit, a failed batch session). */
export function rejectedUpdate(item: StoredItem, code: string, description: string, details: readonly string[]): ItemUpdate {
  return { id: item.id, state: 'rejected', note: `${code} ${description}`, changes: { error_code: code, error_description: description, error_details: JSON.stringify(details) } };
}
