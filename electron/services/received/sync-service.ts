/** "Sync now", the background schedule, progress events and cancel, for the signed-in company. */
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { ReceivedSubject, ReceivedSyncProgress, ReceivedSyncState, ReceivedSyncSummary } from '../../../shared/ipc/channels/received';
import type { SignedInSession } from '../../../shared/ipc/channels/auth';
import { AppError } from '../errors/app-error';
import { KsefInvoicesApi } from '../ksef/api/invoices';
import { toAppError } from '../ksef/app-errors';
import type { KsefSession } from '../ksef/auth/session';
import type { KsefClient } from '../ksef/client';
import { systemTime, type KsefTime } from '../ksef/time';
import type { ReceivedArchive } from './archive';
import { syncReceived, type SyncStrategy } from './sync-engine';

/** KSeF asks clients not to poll one subject type more often than every 15 minutes. */
export const MIN_SCHEDULED_GAP_MS = 15 * 60_000;

export interface ReceivedSyncServiceDeps {
  archive: ReceivedArchive;
  session: () => { session: KsefSession; info: SignedInSession; environment: KsefEnvironment };
  client: (environment: KsefEnvironment) => Promise<KsefClient>;
  onProgress?: (progress: ReceivedSyncProgress) => void;
  onSynced?: (summary: ReceivedSyncSummary) => void;
  time?: KsefTime;
  /** Scheduled runs sync these subjects (buyer by default). */
  scheduledSubjects?: readonly ReceivedSubject[];
}

interface Running {
  controller: AbortController;
  progress: ReceivedSyncProgress;
  done: Promise<ReceivedSyncSummary>;
}

export class ReceivedSyncService {
  private running: Running | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly time: KsefTime;

  constructor(private readonly deps: ReceivedSyncServiceDeps) {
    this.time = deps.time ?? systemTime;
  }

  /** Syncs the signed-in company; a second call while one runs joins it. Failures reject with an AppError. */
  async run(subject: ReceivedSubject = 'buyer', options: { strategy?: SyncStrategy } = {}): Promise<ReceivedSyncSummary> {
    if (this.running) return this.running.done;
    const { session, info, environment } = this.deps.session();
    const client = await this.deps.client(environment);
    const controller = new AbortController();
    const companyNip = info.contextNip;
    const running: Running = {
      controller,
      progress: { companyNip, subject, phase: 'query', imported: 0, processed: 0, expected: null, etaSeconds: null },
      done: Promise.resolve(null as never),
    };
    running.done = syncReceived({
      companyNip,
      subject,
      api: new KsefInvoicesApi(session, client.publicKeys, { time: this.time }),
      archive: this.deps.archive,
      time: this.time,
      signal: controller.signal,
      ...(options.strategy ? { strategy: options.strategy } : {}),
      onProgress: (progress) => {
        running.progress = progress;
        this.deps.onProgress?.(progress);
      },
    })
      .then((summary) => {
        this.deps.onSynced?.(summary);
        return summary;
      })
      .catch((error: unknown) => {
        const appError = toAppError(error);
        this.deps.onSynced?.({ companyNip, subject, imported: running.progress.imported, duplicates: 0, method: 'none', checkpoint: this.deps.archive.checkpoint(companyNip, subject) ?? '', cancelled: false, error: appError.code });
        throw appError;
      })
      .finally(() => {
        if (this.running === running) this.running = null;
      });
    this.running = running;
    return running.done;
  }

  /** Starts a run in the background (IPC "Sync now"); progress and the outcome arrive as events. */
  start(subject: ReceivedSubject = 'buyer'): void {
    this.deps.session(); // NOT_SIGNED_IN now rather than later in an event
    void this.run(subject).catch(() => undefined);
  }

  cancel(): void {
    this.running?.controller.abort();
  }

  state(): ReceivedSyncState {
    return { running: this.running ? { ...this.running.progress } : null, last: this.deps.archive.syncLog() };
  }

  /** While the app runs: every `checkMs`, sync each scheduled subject whose last run is older than 15 minutes. */
  startSchedule(checkMs = 60_000): void {
    this.stopSchedule();
    this.timer = setInterval(() => void this.scheduledTick().catch(() => undefined), checkMs);
    this.timer.unref();
  }

  /** Starts the schedule once; the UI's first look at sync state or badges calls it, so the CLI never schedules. */
  ensureSchedule(): void {
    if (!this.timer) this.startSchedule();
  }

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One schedule check (exposed for tests). Returns the subjects it synced. */
  async scheduledTick(): Promise<ReceivedSubject[]> {
    if (this.running) return [];
    let companyNip: string;
    try {
      companyNip = this.deps.session().info.contextNip;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_SIGNED_IN') return [];
      throw error;
    }
    const last = new Map(this.deps.archive.syncLog().filter((entry) => entry.companyNip === companyNip).map((entry) => [entry.subject, Date.parse(entry.finishedAt)]));
    const synced: ReceivedSubject[] = [];
    for (const subject of this.deps.scheduledSubjects ?? ['buyer']) {
      if (this.time.now() - (last.get(subject) ?? 0) < MIN_SCHEDULED_GAP_MS) continue;
      await this.run(subject).catch(() => undefined);
      synced.push(subject);
    }
    return synced;
  }
}
