/**
 * The Sent list's view of an outbox item and the pure rules the page applies to it: filters, deadline
 * labels, formats. Kept apart from the components so they can be tested without a browser.
 */
import { deadlineUrgency, type DeadlineUrgency } from '../../../shared/domain/business-days';
import type { OfflineInvoiceView } from '../../../shared/ipc/channels/offline';
import type { OutboxItem, OutboxState } from '../../../shared/ipc/channels/outbox';

export type { OutboxState };

/** The fields of the outbox item the list shows. */
export type SentItem = Pick<OutboxItem, 'id' | 'state' | 'invoiceNumber' | 'issueDate' | 'buyerName' | 'grossTotal' | 'currency' | 'ksefNumber' | 'sellerNip' | 'error'>;

export const SENT_FILTERS = ['all', 'waiting', 'accepted', 'rejected', 'offline'] as const;
export type SentFilter = (typeof SENT_FILTERS)[number];

const FILTER_STATES: Record<Exclude<SentFilter, 'all'>, readonly OutboxState[]> = {
  waiting: ['draft', 'queued', 'sending'],
  accepted: ['accepted'],
  rejected: ['rejected'],
  offline: ['offline'],
};

/** The outbox states a filter asks main for; undefined = all. */
export function statesFor(filter: SentFilter): OutboxState[] | undefined {
  return filter === 'all' ? undefined : [...FILTER_STATES[filter]];
}

/** How many items a filter chip stands for, from the outbox's per-state counts. */
export function countFor(filter: SentFilter, counts: Record<OutboxState, number>): number {
  const states = filter === 'all' ? (Object.keys(counts) as OutboxState[]) : FILTER_STATES[filter];
  return states.reduce((sum, state) => sum + counts[state], 0);
}

export type DeadlineView =
  | { kind: 'none' }
  | { kind: 'open' }
  | { kind: 'date'; date: string; urgency: DeadlineUrgency };

/** The deadline only matters while the invoice still waits for KSeF (offline, or rejected and to be corrected). */
export function deadlineView(state: OutboxState, offline: OfflineInvoiceView | undefined, today: string, acceptedHashes?: ReadonlySet<string>): DeadlineView {
  if (!offline || state === 'accepted') return { kind: 'none' };
  // A rejected original whose technical correction KSeF accepted is settled.
  if (acceptedHashes && offline.correctionHashes.some((hash) => acceptedHashes.has(hash))) return { kind: 'none' };
  if (offline.deadline === null) return { kind: 'open' };
  return { kind: 'date', date: offline.deadline, urgency: deadlineUrgency(offline.deadline, today) };
}

export interface DeadlineCounts {
  soon: number;
  overdue: number;
}

export function countDeadlines(views: readonly DeadlineView[]): DeadlineCounts {
  let soon = 0;
  let overdue = 0;
  for (const view of views) {
    if (view.kind !== 'date') continue;
    if (view.urgency === 'overdue') overdue += 1;
    else if (view.urgency !== 'pending') soon += 1;
  }
  return { soon, overdue };
}

/** "2026-03-05" as the user reads dates (05.03.2026 in Polish). */
export function formatCivilDate(date: string, language: string): string {
  const [year, month, day] = date.split('-');
  if (!year || !month || !day) return date;
  return language === 'en' ? `${day}/${month}/${year}` : `${day}.${month}.${year}`;
}

/** Exact decimal text with grouping, without going through a float. */
export function formatAmount(amount: string, currency: string, language: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return `${amount} ${currency}`;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '\u00a0');
  const cents = fraction.padEnd(2, '0');
  return `${sign}${grouped}${language === 'en' ? '.' : ','}${cents} ${currency}`;
}
