/**
 * Reading what KSeF made of submitted invoices: statuses (one by one for a few, the session list for many),
 * turned into accepted/rejected items, then each accepted invoice's UPO. Used after a send and on resume.
 */
import type { SessionInvoice } from '../ksef/api/sessions-models';
import { outcomeOf, type ItemUpdate } from './outcome';
import type { StoredItem } from './outbox-store';
import { observed, pollDelay, timeOf, type SendContext, type SenderDeps } from './send-context';

/** Above this many pending invoices the session list (1000 a page) is cheaper than single statuses. */
const SINGLE_STATUS_MAX = 10;

export const batchFileName = (item: Pick<StoredItem, 'id'>): string => `${item.id}.xml`;

/** Every invoice KSeF lists in the session, matched to items by file name (batch) or hash (online). */
export async function sessionInvoicesOf(deps: SenderDeps, ctx: SendContext, sessionRef: string, items: readonly StoredItem[]): Promise<Map<string, SessionInvoice>> {
  const listed = await observed(deps, () => ctx.api.allInvoices(sessionRef));
  const byName = new Map(listed.filter((i) => i.invoiceFileName).map((i) => [i.invoiceFileName as string, i]));
  const byHash = new Map<string, SessionInvoice>();
  // A later entry with the same hash (a resend in the same session) must not hide an accepted one.
  for (const invoice of listed) if (!byHash.has(invoice.invoiceHash) || invoice.status.code === 200) byHash.set(invoice.invoiceHash, invoice);
  const matched = new Map<string, SessionInvoice>();
  for (const item of items) {
    const found = byName.get(batchFileName(item)) ?? (item.invoiceReference ? listed.find((i) => i.referenceNumber === item.invoiceReference) : undefined) ?? byHash.get(item.hash);
    if (found) matched.set(item.id, found);
  }
  return matched;
}

export interface SettleResult {
  accepted: { item: StoredItem; ksefNumber: string; upoSessionRef: string; invoiceRef: string | null }[];
  rejected: number;
  /** Still processing when the wait ended (they stay `sending`; the next round looks again). */
  pending: StoredItem[];
  /** KSeF does not list them in this session at all. */
  missing: StoredItem[];
}

export async function settleInvoices(deps: SenderDeps, ctx: SendContext, sessionRef: string, items: readonly StoredItem[], maxWaitMs = 120_000): Promise<SettleResult> {
  const time = timeOf(deps);
  const result: SettleResult = { accepted: [], rejected: 0, pending: [], missing: [] };
  let pending = [...items];
  const deadline = time.now() + maxWaitMs;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const statuses = new Map<string, SessionInvoice>();
    if (pending.length <= SINGLE_STATUS_MAX && pending.every((item) => item.invoiceReference)) {
      for (const item of pending) statuses.set(item.id, await observed(deps, () => ctx.api.invoice(sessionRef, item.invoiceReference as string)));
    } else {
      for (const [id, status] of await sessionInvoicesOf(deps, ctx, sessionRef, pending)) statuses.set(id, status);
    }
    const updates: ItemUpdate[] = [];
    const stillPending: StoredItem[] = [];
    for (const item of pending) {
      const status = statuses.get(item.id);
      if (!status) {
        result.missing.push(item);
        continue;
      }
      const outcome = outcomeOf(item, status, sessionRef);
      if (outcome.kind === 'pending') stillPending.push(item);
      else {
        updates.push(outcome.update);
        if (outcome.kind === 'accepted') result.accepted.push({ item, ksefNumber: outcome.ksefNumber, upoSessionRef: outcome.upoSessionRef, invoiceRef: outcome.invoiceRef });
        else result.rejected++;
      }
    }
    if (updates.length) {
      deps.store.transitionEach(updates);
      deps.notify({ ids: updates.map((u) => u.id) });
    }
    pending = stillPending;
    if (pending.length === 0 || time.now() >= deadline) break;
    await time.sleep(pollDelay(attempt));
  }
  result.pending = pending;
  return result;
}

/** Per-invoice UPO for accepted online invoices; a UPO not ready yet (21178) is fetched later on demand. */
export async function fetchInvoiceUpos(deps: SenderDeps, ctx: SendContext, accepted: SettleResult['accepted']): Promise<void> {
  for (const entry of accepted) {
    try {
      const xml = await observed(deps, () =>
        entry.invoiceRef ? ctx.api.invoiceUpo(entry.upoSessionRef, entry.invoiceRef) : ctx.api.invoiceUpoByKsefNumber(entry.upoSessionRef, entry.ksefNumber),
      );
      deps.store.setUpo(entry.item.id, xml);
    } catch (error) {
      deps.log?.(`UPO of ${entry.ksefNumber} not available yet`, error);
    }
  }
  if (accepted.length) deps.notify({ ids: accepted.map((a) => a.item.id) });
}
