/**
 * Online sessions (PROTOCOL §5): one session is kept open while there is work and closed when idle. Every
 * invoice is journaled as "submitting in session X" before the POST and with its invoice reference after it,
 * so a restart can tell what KSeF already has.
 */
import { KsefApiError } from '../ksef';
import type { SymmetricKey } from '../ksef/encryption';
import { encryptInvoiceForSession } from '../ksef/api/sessions';
import { crashPoint } from './crash-points';
import { rejectedUpdate } from './outcome';
import type { StoredItem } from './outbox-store';
import { observed, type SendContext, type SenderDeps } from './send-context';
import { fetchInvoiceUpos, settleInvoices, type SettleResult } from './settle';

interface OpenOnline {
  id: string;
  referenceNumber: string;
  key: SymmetricKey;
  contextNip: string;
  environment: string;
}

export class OnlineSender {
  private open: OpenOnline | null = null;

  constructor(private readonly deps: SenderDeps) {}

  get openSessionReference(): string | null {
    return this.open?.referenceNumber ?? null;
  }

  /** Local id (outbox_session) of the session open in this process. */
  get openSessionId(): string | null {
    return this.open?.id ?? null;
  }

  /** Sends `items` (all for ctx's seller) in the open session, then waits for their statuses and UPOs. */
  async send(ctx: SendContext, items: readonly StoredItem[]): Promise<SettleResult> {
    const submitted: StoredItem[] = [];
    for (const item of items) {
      const sent = await this.submit(ctx, item);
      if (sent) submitted.push(sent);
    }
    const session = this.open;
    if (!session || submitted.length === 0) return { accepted: [], rejected: 0, pending: [], missing: [] };
    const settled = await settleInvoices(this.deps, ctx, session.referenceNumber, submitted);
    crashPoint('online:accepted');
    await fetchInvoiceUpos(this.deps, ctx, settled.accepted);
    return settled;
  }

  /** Closes the open session (idle, sign-out, CLI exit); KSeF then prepares the session UPO. */
  async close(ctx: SendContext | null): Promise<void> {
    const session = this.open;
    this.open = null;
    if (!session) return;
    if (ctx && ctx.contextNip === session.contextNip && ctx.environment === session.environment) {
      try {
        await observed(this.deps, () => ctx.api.closeOnline(session.referenceNumber));
      } catch (error) {
        this.deps.log?.(`closing online session ${session.referenceNumber} failed`, error);
      }
    }
    this.deps.store.updateSession(session.id, { step: 'closed' });
  }

  private async ensureSession(ctx: SendContext): Promise<OpenOnline> {
    if (this.open && this.open.contextNip === ctx.contextNip && this.open.environment === ctx.environment) return this.open;
    if (this.open) await this.close(null);
    const row = this.deps.store.createSession('online', ctx.contextNip, ctx.environment, 'opening');
    const opened = await observed(this.deps, () => ctx.api.openOnline(ctx.wrapKey));
    this.deps.store.updateSession(row.id, { step: 'open', referenceNumber: opened.referenceNumber });
    crashPoint('online:opened');
    this.open = { id: row.id, referenceNumber: opened.referenceNumber, key: opened.key, contextNip: ctx.contextNip, environment: ctx.environment };
    return this.open;
  }

  /** One POST; returns the item with its invoice reference, or null when it was rejected or must wait. */
  private async submit(ctx: SendContext, item: StoredItem): Promise<StoredItem | null> {
    const session = await this.ensureSession(ctx);
    const { store } = this.deps;
    store.transition([item.id], 'sending', `online session ${session.referenceNumber}`, {
      attempts: item.attempts + 1,
      session_id: session.id,
      session_ref: session.referenceNumber,
      invoice_ref: null,
      environment: ctx.environment,
    });
    this.deps.notify({ ids: [item.id] });
    crashPoint('online:before-send');
    const xml = store.xml(item.id);
    if (!xml) return null;
    const body = encryptInvoiceForSession(xml, session.key, { offlineMode: item.offlineMode, ...(item.correctedHash ? { hashOfCorrectedInvoice: item.correctedHash } : {}) });
    let invoiceRef: string;
    try {
      invoiceRef = await observed(this.deps, () => ctx.api.sendOnlineInvoice(session.referenceNumber, body));
    } catch (error) {
      if (error instanceof KsefApiError && error.httpStatus >= 400 && error.httpStatus < 500 && error.httpStatus !== 429 && error.httpStatus !== 401) {
        // KSeF refused the request itself (e.g. 21166 technical correction not allowed): nothing was accepted.
        const code = error.exceptionCodes[0] !== undefined ? String(error.exceptionCodes[0]) : `HTTP_${error.httpStatus}`;
        store.transitionEach([rejectedUpdate(item, code, error.details[0] ?? error.message, error.details.slice(1))]);
        this.deps.notify({ ids: [item.id] });
        if (error.hasCode(21180) || error.hasCode(21173)) this.open = null; // the session is gone; next item opens another
        return null;
      }
      // Ambiguous (5xx after retries, broken connection): stays `sending` with the session journaled;
      // the next round finds it in the session list by hash or sends it again.
      throw error;
    }
    crashPoint('online:after-send');
    store.journal([item.id], { invoice_ref: invoiceRef });
    crashPoint('online:submitted');
    return { ...item, attempts: item.attempts + 1, invoiceReference: invoiceRef, sessionId: session.id, sessionReference: session.referenceNumber };
  }
}
