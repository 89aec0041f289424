import type { OfflineInvoiceView } from '../../../../shared/ipc/channels/offline';
import type { OutboxItem } from '../../../../shared/ipc/channels/outbox';
import type { DeadlineCandidate } from './deadline-reminder';

/** What the reminder needs of the outbox: an item by id, and by file hash (for technical corrections). */
export interface DeadlineOutbox {
  get(id: string): Pick<OutboxItem, 'state' | 'invoiceNumber'> | null;
  findByHash(hash: string): Pick<OutboxItem, 'state'> | null;
}

/**
 * The offline invoices whose deadline still counts: not yet accepted by KSeF, and not settled by an accepted
 * technical correction (the same rule as the Sent page's deadline column).
 */
export function offlineDeadlineCandidates(views: readonly OfflineInvoiceView[], outbox: DeadlineOutbox): DeadlineCandidate[] {
  return views.flatMap((view) => {
    const item = outbox.get(view.outboxId);
    if (!item || item.state === 'accepted') return [];
    if (view.correctionHashes.some((hash) => outbox.findByHash(hash)?.state === 'accepted')) return [];
    return [{ outboxId: view.outboxId, invoiceNumber: item.invoiceNumber, deadline: view.deadline }];
  });
}
