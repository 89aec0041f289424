/** "Sync now" (the signed-in company, or every company), the background schedule, progress events and cancel. */
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { ReceivedSubject, ReceivedSyncAllResult, ReceivedSyncProgress, ReceivedSyncState, ReceivedSyncSummary } from '../../../shared/ipc/channels/received';
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
  /** Every company the user works for; the schedule covers them all. */
  companies?: () => Promise<string[]>;
  /** A session for a company other than the signed-in one (scheduled runs only); null when none can be had. */
  sessionFor?: (companyNip: string) => Promise<{ session: KsefSession; environment: KsefEnvironment } | null>;
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
  async run(subject: ReceivedSubject = 'buyer', options: { strategy?: SyncStrategy; companyNip?: string } = {}): Promise<ReceivedSyncSummary> {
    if (this.running) return this.running.done;
    const { session, environment, companyNip } = await this.sessionFor(options.companyNip);
    const client = await this.deps.client(environment);
    const controller = new AbortController();
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

  /**
   * "Fetch for every company" (a bookkeeper's morning): each company one after another, the signed-in one first,
   * others with their default certificate while the key store is unlocked. A company without a session now is
   * reported, not failed; any other failure is reported and the next company still runs.
   */
  async runAll(subject: ReceivedSubject = 'buyer'): Promise<ReceivedSyncAllResult[]> {
    const results: ReceivedSyncAllResult[] = [];
    for (const companyNip of await this.scheduledCompanies()) {
      await this.running?.done.catch(() => undefined); // a run already going (e.g. scheduled) finishes first
      try {
        const summary = await this.run(subject, { companyNip });
        results.push({ companyNip, imported: summary.imported, ...(summary.cancelled ? { cancelled: true } : {}) });
        if (summary.cancelled) break; // cancel stops the whole round
      } catch (error) {
        results.push({ companyNip, imported: 0, error: toAppError(error).code });
      }
    }
    return results;
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

  /** The signed-in session for its company; another company's background session when asked for one. */
  private async sessionFor(companyNip: string | undefined): Promise<{ session: KsefSession; environment: KsefEnvironment; companyNip: string }> {
    let active: ReturnType<ReceivedSyncServiceDeps['session']> | null = null;
    try {
      active = this.deps.session();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_SIGNED_IN' && companyNip && this.deps.sessionFor)) throw error;
    }
    if (active && (!companyNip || active.info.contextNip === companyNip)) return { session: active.session, environment: active.environment, companyNip: active.info.contextNip };
    const background = companyNip && this.deps.sessionFor ? await this.deps.sessionFor(companyNip) : null;
    if (!background || !companyNip) throw new AppError('NOT_SIGNED_IN', 'no session for this company', companyNip ? [companyNip] : []);
    return { ...background, companyNip };
  }

  /** The companies a scheduled check covers: all of them, the signed-in one first. */
  private async scheduledCompanies(): Promise<string[]> {
    let signedIn: string | null = null;
    try {
      signedIn = this.deps.session().info.contextNip;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_SIGNED_IN')) throw error;
    }
    const all = this.deps.companies ? await this.deps.companies() : [];
    return [...new Set([...(signedIn ? [signedIn] : []), ...(this.deps.sessionFor ? all : [])])];
  }

  /** One schedule check (exposed for tests): every company and subject whose last run is older than 15 minutes. */
  async scheduledTick(): Promise<{ companyNip: string; subject: ReceivedSubject }[]> {
    if (this.running) return [];
    const log = this.deps.archive.syncLog();
    const synced: { companyNip: string; subject: ReceivedSubject }[] = [];
    for (const companyNip of await this.scheduledCompanies()) {
      for (const subject of this.deps.scheduledSubjects ?? ['buyer']) {
        const last = log.find((entry) => entry.companyNip === companyNip && entry.subject === subject);
        if (last && this.time.now() - Date.parse(last.finishedAt) < MIN_SCHEDULED_GAP_MS) continue;
        try {
          await this.run(subject, { companyNip });
        } catch (error) {
          // No session for this company now (locked key store, no default certificate): the next check tries again.
          if (error instanceof AppError && error.code === 'NOT_SIGNED_IN') continue;
        }
        synced.push({ companyNip, subject });
      }
    }
    return synced;
  }
}
