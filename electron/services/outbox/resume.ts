/**
 * After a crash or kill: items left `sending` are matched against what KSeF has (invoice status by reference,
 * the session's invoice list by hash or file name) and settled — their KSeF numbers recovered, never sent
 * twice. Only what KSeF provably does not have goes back to the queue. The AES key of an interrupted online
 * session is not kept: its invoices are read back by hash and anything missing goes into a new session.
 */
import type { BatchSender } from './batch-sender';
import type { SessionRow, StoredItem } from './outbox-store';
import { observed, type SendContext, type SenderDeps } from './send-context';
import { fetchInvoiceUpos, settleInvoices } from './settle';

export async function resumeInterrupted(deps: SenderDeps, ctx: SendContext, batch: BatchSender, activeOnlineSessionId: string | null): Promise<void> {
  const { store } = deps;
  const interrupted = store.inStates(['sending']).filter((item) => item.sellerNip === ctx.contextNip && item.environment === ctx.environment);
  const bySession = new Map<string, StoredItem[]>();
  const orphans: StoredItem[] = [];
  for (const item of interrupted) {
    if (!item.sessionId) orphans.push(item);
    else bySession.set(item.sessionId, [...(bySession.get(item.sessionId) ?? []), item]);
  }
  if (orphans.length) store.transition(orphans.map((i) => i.id), 'queued', 'interrupted before sending');

  for (const [sessionId, items] of bySession) {
    const session = store.session(sessionId);
    if (!session) {
      store.transition(items.map((i) => i.id), 'queued', 'interrupted before sending', { session_id: null, session_ref: null, invoice_ref: null });
      continue;
    }
    if (session.kind === 'batch') await batch.resume(ctx, session, items);
    else await resumeOnline(deps, ctx, session, items, sessionId === activeOnlineSessionId);
  }
  await fetchMissingUpos(deps, ctx);
  for (const stale of store.openOnlineSessions(ctx.contextNip, ctx.environment)) {
    if (stale.id === activeOnlineSessionId || bySession.has(stale.id)) continue;
    await observed(deps, () => ctx.api.closeOnline(stale.referenceNumber as string)).catch((error: unknown) => deps.log?.('closing an interrupted session failed', error));
    store.updateSession(stale.id, { step: 'closed' });
  }
}

async function resumeOnline(deps: SenderDeps, ctx: SendContext, session: SessionRow, items: StoredItem[], stillOpenHere: boolean): Promise<void> {
  const { store } = deps;
  if (!session.referenceNumber) {
    store.transition(items.map((i) => i.id), 'queued', 'online session never opened', { session_id: null, session_ref: null, invoice_ref: null });
    return;
  }
  const settled = await settleInvoices(deps, ctx, session.referenceNumber, items);
  if (settled.missing.length) {
    store.transition(settled.missing.map((i) => i.id), 'queued', 'KSeF does not have it; sending again', { session_id: null, session_ref: null, invoice_ref: null });
  }
  await fetchInvoiceUpos(deps, ctx, settled.accepted);
  // A session of a previous run: its key is gone, so nothing more can be sent in it. Close it for its UPO.
  if (!stillOpenHere && session.step === 'open' && settled.pending.length === 0) {
    await observed(deps, () => ctx.api.closeOnline(session.referenceNumber as string)).catch((error: unknown) => deps.log?.('closing an interrupted session failed', error));
    store.updateSession(session.id, { step: 'closed' });
  }
}

/** Accepted online invoices whose UPO was not fetched (interrupted right after acceptance, or not ready then). */
async function fetchMissingUpos(deps: SenderDeps, ctx: SendContext): Promise<void> {
  const missing = deps.store
    .inStates(['accepted'])
    .filter((item) => !item.hasUpo && item.ksefNumber && item.sessionReference && item.sellerNip === ctx.contextNip && item.environment === ctx.environment)
    .slice(0, 50);
  await fetchInvoiceUpos(
    deps,
    ctx,
    missing.map((item) => ({ item, ksefNumber: item.ksefNumber as string, upoSessionRef: item.sessionReference as string, invoiceRef: item.invoiceReference })),
  );
}
