/** Row shapes of `outbox_item` and their mapping to the item types (the store's SQL stays in outbox-store.ts). */
import type { OutboxError, OutboxItem, OutboxState, SendMode } from '../../../shared/ipc/channels/outbox';

export interface ItemRow {
  id: string;
  created_at: string;
  updated_at: string;
  state: OutboxState;
  origin: 'issued' | 'imported';
  file_name: string | null;
  hash: string;
  size: number;
  kind: string;
  invoice_number: string;
  issue_date: string;
  seller_nip: string;
  buyer_name: string;
  buyer_identifier: string;
  gross_total: string;
  currency: string;
  send_mode: SendMode | null;
  offline_mode: number;
  corrected_hash: string | null;
  attempts: number;
  session_id: string | null;
  session_ref: string | null;
  invoice_ref: string | null;
  environment: string | null;
  ksef_number: string | null;
  accepted_at: string | null;
  has_upo: number;
  error_code: string | null;
  error_description: string | null;
  error_details: string | null;
}

/** The journal fields the sender reads to resume (not shown to the user). */
export interface StoredItem extends OutboxItem {
  attempts: number;
  sessionId: string | null;
  invoiceReference: string | null;
  environment: string | null;
  correctedHash: string | null;
  size: number;
}

export const ITEM_COLUMNS = `id, created_at, updated_at, state, origin, file_name, hash, size, kind, invoice_number, issue_date, seller_nip, buyer_name,
  buyer_identifier, gross_total, currency, send_mode, offline_mode, corrected_hash, attempts, session_id, session_ref, invoice_ref, environment,
  ksef_number, accepted_at, (upo_xml IS NOT NULL OR upo_page_ref IS NOT NULL) AS has_upo, error_code, error_description, error_details`;

export function toItem(row: ItemRow): StoredItem {
  const error: OutboxError | undefined = row.error_code
    ? { code: row.error_code, description: row.error_description ?? '', details: row.error_details ? (JSON.parse(row.error_details) as string[]) : [] }
    : undefined;
  return {
    id: row.id,
    state: row.state,
    origin: row.origin,
    fileName: row.file_name,
    kind: row.kind,
    invoiceNumber: row.invoice_number,
    issueDate: row.issue_date,
    sellerNip: row.seller_nip,
    buyerName: row.buyer_name,
    buyerIdentifier: row.buyer_identifier,
    grossTotal: row.gross_total,
    currency: row.currency,
    hash: row.hash,
    ksefNumber: row.ksef_number,
    sessionReference: row.session_ref,
    sendMode: row.send_mode,
    offlineMode: row.offline_mode === 1,
    hasUpo: row.has_upo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    acceptedAt: row.accepted_at,
    ...(error ? { error } : {}),
    attempts: row.attempts,
    sessionId: row.session_id,
    invoiceReference: row.invoice_ref,
    environment: row.environment,
    correctedHash: row.corrected_hash,
    size: row.size,
  };
}

/** Strips the journal fields before an item crosses IPC. */
export function publicItem(item: StoredItem): OutboxItem {
  const { attempts: _a, sessionId: _s, invoiceReference: _i, environment: _e, correctedHash: _c, size: _z, ...visible } = item;
  return visible;
}

export type ItemColumn =
  | 'hash' | 'size' | 'kind' | 'invoice_number' | 'issue_date' | 'seller_nip' | 'buyer_name' | 'buyer_identifier' | 'gross_total' | 'currency'
  | 'send_mode' | 'offline_mode' | 'corrected_hash' | 'attempts' | 'session_id' | 'session_ref' | 'invoice_ref' | 'environment'
  | 'ksef_number' | 'accepted_at' | 'upo_page_ref' | 'error_code' | 'error_description' | 'error_details';
