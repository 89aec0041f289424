/**
 * The outbox: invoices are stored (bytes + SHA-256) before any network call, then sent online (a few) or in
 * a batch session (many), their KSeF numbers and UPOs kept with them. One sending round at a time; a round
 * first resumes whatever an earlier run left half-done.
 */
import { createHash } from 'node:crypto';
import type { OutboxChanged, OutboxItem, OutboxItemDetail, OutboxPage, OutboxSendPlan, SendMode } from '../../../shared/ipc/channels/outbox';
import { AppError } from '../errors/app-error';
import { BatchSender } from './batch-sender';
import type { FileCheck, FileProblem, InvoiceFileChecker, InvoiceSummary } from './invoice-file';
import { OnlineSender } from './online-sender';
import { publicItem, type ListFilter, type StoredItem } from './outbox-store';
import { resumeInterrupted } from './resume';
import type { OfflinePort, SendContext, SenderDeps } from './send-context';

/** More than this many invoices waiting → one batch session instead of an online one. */
export const BATCH_THRESHOLD = 5;
/** KSeF takes ≤10 000 invoices per session (PROTOCOL §18). */
const MAX_PER_SESSION = 10_000;

export interface EnqueueRequest {
  xml: Buffer;
  origin: 'issued' | 'imported';
  fileName?: string;
  mode?: 'online' | 'offline';
}

export interface OutboxServiceDeps extends Omit<SenderDeps, 'notify'> {
  checker: InvoiceFileChecker;
  /** The signed-in session for sending; throws NOT_SIGNED_IN when there is none. */
  context: () => SendContext;
  onChange?: (change: OutboxChanged) => void;
  /** Close an idle online session after this long; 0 = only on `closeSessions()`. */
  idleCloseMs?: number;
}

export function sha256Base64(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

export function fileProblemsError(problems: readonly FileProblem[]): AppError {
  const details = problems.slice(0, 20).map((p) => `${p.line !== null ? `line ${p.line}` : 'line ?'}${p.path ? ` ${p.path}` : ''}: ${p.code}: ${p.message}`);
  return new AppError('INVOICE_FILE_INVALID', problems[0]?.message ?? 'invalid invoice file', details);
}

export class OutboxService {
  private readonly online: OnlineSender;
  private readonly batch: BatchSender;
  private readonly senderDeps: SenderDeps;
  private modeOverride: SendMode | null = null;
  private round: Promise<void> | null = null;
  private again = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastContext: SendContext | null = null;

  constructor(private readonly deps: OutboxServiceDeps) {
    this.senderDeps = { ...deps, notify: (change) => deps.onChange?.(change) };
    this.online = new OnlineSender(this.senderDeps);
    this.batch = new BatchSender(this.senderDeps);
  }

  get offline(): OfflinePort | null {
    return this.deps.offline?.() ?? null;
  }

  /** Checks the file, stores it durably, and (unless offline) leaves it queued. The same bytes twice = one item. */
  async enqueue(request: EnqueueRequest): Promise<OutboxItem> {
    const result = await this.tryEnqueue(request);
    if (!result.ok) throw fileProblemsError(result.problems);
    return result.item;
  }

  /**
   * Many files at once (import, CLI): all checked first, then stored in one transaction, so a thousand invoices
   * cost one disk flush instead of a thousand. Offline hooks run per item afterwards.
   */
  async enqueueMany(requests: readonly EnqueueRequest[]): Promise<({ ok: true; item: OutboxItem } | { ok: false; problems: FileProblem[] })[]> {
    const checks: FileCheck[] = await this.deps.checker.checkMany(requests.map((request) => request.xml));
    const pendingHooks: (() => Promise<unknown>)[] = [];
    const results = this.deps.store.inTransaction(() =>
      requests.map((request, index) => {
        const check = checks[index];
        if (!check?.ok) return { ok: false as const, problems: check ? check.problems : [] };
        const stored = this.storeChecked(request, check.summary);
        if (stored.hook) pendingHooks.push(stored.hook);
        return { ok: true as const, item: stored.item };
      }),
    );
    for (const hook of pendingHooks) await hook();
    if (results.some((r) => r.ok)) this.deps.onChange?.({ ids: results.flatMap((r) => (r.ok ? [r.item.id] : [])) });
    return results;
  }

  /** `enqueue` that reports a bad file as data (import lists each file's problems). */
  async tryEnqueue(request: EnqueueRequest): Promise<{ ok: true; item: OutboxItem } | { ok: false; problems: FileProblem[] }> {
    const check = await this.deps.checker.check(request.xml);
    if (!check.ok) return { ok: false, problems: check.problems };
    const stored = this.storeChecked(request, check.summary);
    await stored.hook?.();
    if (stored.created) this.deps.onChange?.({ ids: [stored.item.id] });
    return { ok: true, item: stored.item };
  }

  /** Stores a checked file (or finds the same bytes already stored); the offline hook is for the caller to run. */
  private storeChecked(request: EnqueueRequest, summary: InvoiceSummary): { item: OutboxItem; created: boolean; hook?: () => Promise<unknown> } {
    const hash = sha256Base64(request.xml);
    const existing = this.deps.store.findByHash(hash);
    if (existing && existing.state !== 'rejected') return { item: publicItem(existing), created: false };
    const mode = this.offline ? this.offline.modeFor(request.mode) : (request.mode ?? 'online');
    const item = this.deps.store.insert({
      origin: request.origin,
      ...(request.fileName ? { fileName: request.fileName } : {}),
      xml: request.xml,
      hash,
      summary,
      state: mode === 'offline' ? 'offline' : 'queued',
      offlineMode: mode === 'offline',
    });
    const offline = this.offline;
    const hook = mode === 'offline' && offline ? () => offline.onOfflineIssued({ id: item.id, xml: request.xml, issueDate: item.issueDate, sellerNip: item.sellerNip }) : undefined;
    return { item: publicItem(item), created: true, ...(hook ? { hook } : {}) };
  }

  list(filter: ListFilter): OutboxPage {
    const { items, total } = this.deps.store.list(filter);
    return { items: items.map((item) => this.decorate(publicItem(item))), total, counts: this.deps.store.counts() };
  }

  get(id: string): OutboxItemDetail {
    const detail = this.deps.store.detail(id);
    if (!detail) throw new AppError('NOT_FOUND', 'no such outbox item', [id]);
    return this.decorate(detail);
  }

  stored(id: string): StoredItem {
    const item = this.deps.store.get(id);
    if (!item) throw new AppError('NOT_FOUND', 'no such outbox item', [id]);
    return item;
  }

  xml(id: string): Buffer {
    const xml = this.deps.store.xml(id);
    if (!xml) throw new AppError('NOT_FOUND', 'no such outbox item', [id]);
    return xml;
  }

  /** The invoice's own UPO, else the session UPO page that confirms it (batch). */
  upo(id: string): { xml: string; kind: 'invoice' | 'session' } | null {
    return this.deps.store.upoXml(id);
  }

  plan(): OutboxSendPlan {
    const pending = this.deps.store.counts().queued;
    const automatic = this.modeOverride === null;
    return { pending, mode: this.modeOverride ?? (pending > BATCH_THRESHOLD ? 'batch' : 'online'), automatic, batchThreshold: BATCH_THRESHOLD };
  }

  setMode(mode: SendMode | null): OutboxSendPlan {
    this.modeOverride = mode;
    return this.plan();
  }

  /** A rejected (or offline/draft) invoice goes back to the queue, with fixed XML when given. */
  async resend(id: string, xml?: Buffer): Promise<OutboxItemDetail> {
    const item = this.stored(id);
    if (item.state !== 'rejected' && item.state !== 'draft') throw new AppError('OUTBOX_NOT_RESENDABLE', `state ${item.state}`, [item.state]);
    if (xml) {
      const check = await this.deps.checker.check(xml);
      if (!check.ok) throw fileProblemsError(check.problems);
      this.deps.store.replaceXml(id, xml, sha256Base64(xml), check.summary);
    }
    this.deps.store.transition([id], 'queued', xml ? 'corrected and queued again' : 'queued again', {
      error_code: null, error_description: null, error_details: null, session_id: null, session_ref: null, invoice_ref: null,
    });
    this.deps.onChange?.({ ids: [id] });
    return this.get(id);
  }

  /**
   * One sending round (concurrent callers share it; a call during a round makes it go once more): resume
   * interrupted sends, then send every queued invoice of the signed-in company.
   */
  sendPending(): Promise<void> {
    if (this.round) {
      this.again = true;
      return this.round;
    }
    this.round = (async () => {
      try {
        do {
          this.again = false;
          await this.sendRound();
        } while (this.again);
      } finally {
        this.round = null;
      }
    })();
    return this.round;
  }

  /** Closes the online session now (CLI exit, sign-out). */
  async closeSessions(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    await this.round?.catch(() => undefined);
    await this.online.close(this.lastContext);
  }

  private async sendRound(): Promise<void> {
    if (this.offline && !this.offline.canSend()) return;
    // Callers may have stored thousands of invoices synchronously: process socket events first (see BatchSender).
    await new Promise((resolve) => setImmediate(resolve));
    const ctx = this.deps.context();
    this.lastContext = ctx;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await resumeInterrupted(this.senderDeps, ctx, this.batch, this.online.openSessionId);
    for (;;) {
      const waiting = this.deps.store.inStates(['queued', 'offline']).filter((item) => item.sellerNip === ctx.contextNip);
      if (waiting.length === 0) break;
      const mode = this.modeOverride ?? (waiting.length > BATCH_THRESHOLD ? 'batch' : 'online');
      const chunk = waiting.slice(0, MAX_PER_SESSION);
      // Technical corrections carry hashOfCorrectedInvoice, which only the online send body has.
      const onlineOnly = chunk.filter((item) => item.correctedHash !== null);
      const batchable = chunk.filter((item) => item.correctedHash === null);
      if (mode === 'batch' && batchable.length) await this.batch.send(ctx, batchable);
      const online = mode === 'batch' ? onlineOnly : chunk;
      if (online.length) await this.online.send(ctx, online);
      if (mode === 'batch' && !batchable.length && !online.length) break;
    }
    this.scheduleIdleClose();
  }

  private scheduleIdleClose(): void {
    const idle = this.deps.idleCloseMs ?? 0;
    if (idle <= 0 || !this.online.openSessionReference) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.round) void this.online.close(this.lastContext);
    }, idle);
    this.idleTimer.unref();
  }

  private decorate<T extends OutboxItem>(item: T): T {
    if (item.state !== 'offline' || !this.offline?.deadlineOf) return item;
    return { ...item, offlineDeadline: this.offline.deadlineOf(item.id) };
  }
}
