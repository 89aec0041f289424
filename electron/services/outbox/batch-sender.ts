/**
 * Batch sessions (PROTOCOL §6): package (streamed zip → ≤100 MB parts → AES → hashes) → open → parallel
 * upload → close → wait → statuses and the session UPO. Each step is journaled in `outbox_session.step`;
 * `resumeBatch` continues from any of them after a crash.
 */
import path from 'node:path';
import { generateSymmetricKey } from '../ksef/encryption';
import { sessionEncryption } from '../ksef/api/sessions';
import { uploadBatchParts } from '../ksef/api/sessions-upload';
import { FA3_FORM_CODE, SESSION_IN_PROGRESS, type SessionStatus } from '../ksef/api/sessions-models';
import { buildBatchPackage, FilePartSink, type BatchFile } from './batch-package';
import { crashPoint } from './crash-points';
import { rejectedUpdate } from './outcome';
import type { SessionRow, StoredItem } from './outbox-store';
import { observed, pollDelay, timeOf, type SendContext, type SenderDeps } from './send-context';
import { batchFileName, settleInvoices, type SettleResult } from './settle';

/** The KSeF numbers a session UPO page confirms (`Dokument/NumerKSeFDokumentu`). */
export function ksefNumbersIn(upoXml: string): Set<string> {
  return new Set([...upoXml.matchAll(/<(?:[\w-]+:)?NumerKSeFDokumentu>([^<]+)</g)].map((m) => (m[1] ?? '').trim()));
}

const EMPTY: SettleResult = { accepted: [], rejected: 0, pending: [], missing: [] };

export class BatchSender {
  constructor(private readonly deps: SenderDeps) {}

  async send(ctx: SendContext, items: readonly StoredItem[]): Promise<SettleResult> {
    const { store } = this.deps;
    const row = store.createSession('batch', ctx.contextNip, ctx.environment, 'preparing');
    store.transition(
      items.map((i) => i.id),
      'sending',
      'batch session',
      { session_id: row.id, session_ref: null, invoice_ref: null, environment: ctx.environment },
    );
    for (const item of items) store.journal([item.id], { attempts: item.attempts + 1 });
    const total = items.length;
    this.deps.notify({ ids: items.map((i) => i.id), progress: { mode: 'batch', phase: 'preparing', total, accepted: 0, rejected: 0 } });

    const key = generateSymmetricKey();
    const sink = new FilePartSink(path.join(this.deps.workDir, row.id));
    try {
      const pkg = buildBatchPackage(this.files(items), key, sink);
      store.updateSession(row.id, { step: 'prepared' });
      crashPoint('batch:prepared');
      // Packaging is synchronous: let pending socket events (keep-alive sockets the server closed meanwhile) run
      // before the open, which must not go out on a dead socket (it is not repeated after an ambiguous failure).
      await new Promise((resolve) => setImmediate(resolve));
      store.updateSession(row.id, { step: 'opening' });
      const opened = await observed(this.deps, async () =>
        ctx.api.openBatch({
          formCode: FA3_FORM_CODE,
          batchFile: { fileSize: pkg.fileSize, fileHash: pkg.fileHash, compressionType: 'Zip', fileParts: pkg.parts },
          encryption: await sessionEncryption(key, ctx.wrapKey),
          ...(items.every((i) => i.offlineMode) ? { offlineMode: true } : {}),
        }),
      );
      store.updateSession(row.id, { step: 'opened', referenceNumber: opened.referenceNumber });
      store.journal(items.map((i) => i.id), { session_ref: opened.referenceNumber });
      crashPoint('batch:opened');
      this.deps.notify({ progress: { mode: 'batch', phase: 'uploading', total, accepted: 0, rejected: 0 } });
      await uploadBatchParts(
        opened.partUploadRequests,
        pkg.parts.map((part) => ({ ordinalNumber: part.ordinalNumber, size: part.fileSize, open: () => sink.open(part.ordinalNumber) })),
        { time: timeOf(this.deps) },
      );
      store.updateSession(row.id, { step: 'uploaded' });
      crashPoint('batch:uploaded');
      await observed(this.deps, () => ctx.api.closeBatch(opened.referenceNumber));
      crashPoint('batch:close-sent');
      store.updateSession(row.id, { step: 'closed' });
      crashPoint('batch:closed');
    } finally {
      sink.remove();
    }
    const session = store.session(row.id) as SessionRow;
    return this.settle(ctx, session, store.ofSession(row.id).filter((i) => i.state === 'sending'));
  }

  /**
   * After a restart: a batch KSeF never saw closed (no reference, or still status 100) is abandoned and its
   * invoices go back to the queue — KSeF processes nothing before close; one that was closed is awaited and read.
   */
  async resume(ctx: SendContext, session: SessionRow, items: readonly StoredItem[]): Promise<SettleResult> {
    const { store } = this.deps;
    if (!session.referenceNumber) return this.requeue(session, items, 'batch not opened before the interruption');
    if (session.step !== 'closed') {
      const status = await observed(this.deps, () => ctx.api.status(session.referenceNumber as string));
      if (status.status.code === 100) return this.requeue(session, items, 'batch not closed before the interruption');
      store.updateSession(session.id, { step: 'closed' });
    }
    return this.settle(ctx, session, items);
  }

  private requeue(session: SessionRow, items: readonly StoredItem[], note: string): SettleResult {
    this.deps.store.updateSession(session.id, { step: 'abandoned' });
    this.deps.store.transition(items.map((i) => i.id), 'queued', note, { session_id: null, session_ref: null, invoice_ref: null });
    this.deps.notify({ ids: items.map((i) => i.id) });
    return EMPTY;
  }

  private async settle(ctx: SendContext, session: SessionRow, items: readonly StoredItem[]): Promise<SettleResult> {
    const { store } = this.deps;
    const ref = session.referenceNumber as string;
    const total = items.length;
    this.deps.notify({ progress: { mode: 'batch', phase: 'processing', total, accepted: 0, rejected: 0 } });
    const status = await this.waitForSession(ctx, ref);
    if (SESSION_IN_PROGRESS.has(status.status.code)) return { ...EMPTY, pending: [...items] };
    const result = await settleInvoices(this.deps, ctx, ref, items, 0);
    if (result.missing.length) {
      // The whole session failed (e.g. 405/430/435/500) or never listed them: KSeF's session status is the reason.
      store.transitionEach(result.missing.map((item) => rejectedUpdate(item, String(status.status.code), status.status.description, status.status.details ?? [])));
    }
    for (const page of status.upo?.pages ?? []) {
      try {
        const xml = await observed(this.deps, () => ctx.api.sessionUpo(ref, page.referenceNumber));
        store.saveUpoPage(ref, page.referenceNumber, xml);
        const listed = ksefNumbersIn(xml);
        const onPage = result.accepted.filter((a) => listed.has(a.ksefNumber)).map((a) => a.item.id);
        if (onPage.length) store.journal(onPage, { upo_page_ref: page.referenceNumber });
      } catch (error) {
        this.deps.log?.(`session UPO ${page.referenceNumber} not available`, error);
      }
    }
    store.updateSession(session.id, { step: 'settled' });
    this.deps.notify({
      ids: items.map((i) => i.id),
      progress: { mode: 'batch', phase: 'done', total, accepted: result.accepted.length, rejected: result.rejected + result.missing.length },
    });
    return result;
  }

  private async waitForSession(ctx: SendContext, ref: string, maxWaitMs = 600_000): Promise<SessionStatus> {
    const time = timeOf(this.deps);
    const deadline = time.now() + maxWaitMs;
    for (let attempt = 0; ; attempt++) {
      const status = await observed(this.deps, () => ctx.api.status(ref));
      if (!SESSION_IN_PROGRESS.has(status.status.code) || time.now() >= deadline) return status;
      await time.sleep(pollDelay(attempt));
    }
  }

  private *files(items: readonly StoredItem[]): Generator<BatchFile> {
    for (const item of items) {
      const xml = this.deps.store.xml(item.id);
      if (xml) yield { name: batchFileName(item), xml };
    }
  }
}
