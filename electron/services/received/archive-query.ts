/** Turns a list filter into SQL over received_invoice (every value bound, never spliced). */
import type { ReceivedFilter, ReceivedSortField } from '../../../shared/ipc/channels/received';
import { textToGrosze } from './amounts';

export interface SqlWhere {
  sql: string;
  params: (string | number)[];
}

const SORT_COLUMNS: Record<ReceivedSortField, string> = {
  issueDate: 'issue_date',
  acquisitionDate: 'acquisition_date',
  invoiceNumber: 'invoice_number',
  sellerName: 'seller_name COLLATE NOCASE',
  sellerNip: 'seller_nip',
  gross: 'gross_grosze',
  net: 'net_grosze',
  currency: 'currency',
  kind: 'kind',
};

export function orderBy(sort: { field: ReceivedSortField; direction: 'asc' | 'desc' } | undefined): string {
  const field = sort?.field ?? 'issueDate';
  const direction = (sort?.direction ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${SORT_COLUMNS[field]} ${direction}, id ${direction}`;
}

/**
 * The search box as an FTS5 query: every whitespace-separated word must match, as a prefix; a word that the
 * tokenizer splits (`FV/2026/01`, `526-58-77`) becomes a phrase of its parts. Only letters and digits reach the
 * query, so any text the user types is a valid query.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => word.split(/[^\p{L}\p{N}]+/u).filter(Boolean))
    .filter((tokens) => tokens.length > 0)
    .slice(0, 12);
  return words.length ? words.map((tokens) => `"${tokens.join(' ')}"*`).join(' AND ') : null;
}

export function whereOf(filter: ReceivedFilter, options: { commonSearch?: boolean } = {}): SqlWhere {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (filter.companyNip) add('company_nip = ?', filter.companyNip);
  add('subject = ?', filter.subject ?? 'buyer');
  if (filter.issueFrom) add('issue_date >= ?', filter.issueFrom);
  if (filter.issueTo) add('issue_date <= ?', filter.issueTo);
  if (filter.sellerNip) add(filter.sellerNip.length === 10 ? 'seller_nip = ?' : "seller_nip LIKE ? || '%'", filter.sellerNip);
  if (filter.currency) add('currency = ?', filter.currency);
  if (filter.kinds && filter.kinds.length > 0) add(`kind IN (${filter.kinds.map(() => '?').join(', ')})`, ...filter.kinds);
  // With a seller given, its index is the narrow one; `+` keeps SQLite from preferring the amount index instead.
  const gross = filter.sellerNip?.length === 10 ? '+gross_grosze' : 'gross_grosze';
  if (filter.grossFrom) add(`${gross} >= ?`, textToGrosze(filter.grossFrom));
  if (filter.grossTo) add(`${gross} <= ?`, textToGrosze(filter.grossTo));
  if (filter.read === 'read') add('read_at IS NOT NULL');
  if (filter.read === 'unread') add('read_at IS NULL');
  if (filter.booked !== undefined) add(filter.booked ? 'booked_at IS NOT NULL' : 'booked_at IS NULL');
  if (filter.paid !== undefined) add(filter.paid ? 'paid_at IS NOT NULL' : 'paid_at IS NULL');
  const match = filter.q ? ftsQuery(filter.q) : null;
  // A common word matches thousands: walking the sort index and testing membership (`+id`) beats sorting them all.
  // A rare one matches a few: look those up by id.
  if (match) add(`${options.commonSearch ? '+id' : 'id'} IN (SELECT rowid FROM received_fts WHERE received_fts MATCH ?)`, match);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
