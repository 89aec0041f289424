import type { UpdateStatus } from '../../../shared/ipc/channels/updates';

/** What the service needs from an update mechanism (electron-updater in the Electron adapter; fakes in tests). */
export interface UpdateFeed {
  /** The newer version the feed offers, or null when this one is the latest. */
  check(): Promise<{ version: string } | null>;
  /** Downloads the version `check` found. */
  download(): Promise<void>;
  /** Quits the app and installs the downloaded version (restarting it). */
  install(): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdateServiceDeps {
  /** null where updates cannot work (development, browser mode, CLI): the service stays 'disabled'. */
  feed: UpdateFeed | null;
  currentVersion: string;
  /** True while a send to KSeF or a sync of received invoices runs: an install never interrupts them. */
  isBusy(): boolean;
  clock: { now(): Date };
  timers?: Timers;
  onChange?(status: UpdateStatus): void;
  log?(line: string): void;
}

export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const BUSY_RETRY_MS = 15_000;

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * The decisions about updates, free of Electron: check shortly after start and then daily, download in the
 * background, and install only when the user asks (restart) and nothing is being sent or synced.
 */
export class UpdateService {
  private state: UpdateStatus;
  private readonly timers: Timers;
  private checkTimer: unknown = null;
  private installTimer: unknown = null;
  private running: Promise<UpdateStatus> | null = null;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.timers = deps.timers ?? realTimers;
    this.state = { phase: deps.feed ? 'idle' : 'disabled', currentVersion: deps.currentVersion, installPending: false };
  }

  status(): UpdateStatus {
    return { ...this.state };
  }

  /** Schedules the first check (soon after start, not during it) and the daily ones after it. */
  start(): void {
    if (!this.deps.feed) return;
    this.scheduleCheck(FIRST_CHECK_DELAY_MS);
  }

  stop(): void {
    if (this.checkTimer !== null) this.timers.clearTimeout(this.checkTimer);
    if (this.installTimer !== null) this.timers.clearTimeout(this.installTimer);
    this.checkTimer = null;
    this.installTimer = null;
  }

  /** Checks now (also the "check for updates" button); concurrent calls share one check. */
  checkNow(): Promise<UpdateStatus> {
    const feed = this.deps.feed;
    if (!feed) return Promise.resolve(this.status());
    // Already downloaded: nothing newer is fetched until the app restarts into it.
    if (this.state.phase === 'ready') return Promise.resolve(this.status());
    this.running ??= this.checkAndDownload(feed).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** "Install on restart": now when idle, else as soon as the running send or sync ends. */
  requestInstall(): UpdateStatus {
    if (this.state.phase !== 'ready' || !this.deps.feed) return this.status();
    this.installWhenIdle();
    return this.status();
  }

  private installWhenIdle(): void {
    const feed = this.deps.feed;
    if (!feed || this.state.phase !== 'ready') return;
    if (this.deps.isBusy()) {
      if (!this.state.installPending) this.update({ installPending: true });
      this.installTimer = this.timers.setTimeout(() => {
        this.installTimer = null;
        this.installWhenIdle();
      }, BUSY_RETRY_MS);
      return;
    }
    this.update({ installPending: false });
    this.deps.log?.(`updates: installing ${this.state.availableVersion ?? '?'} and restarting`);
    feed.install();
  }

  private async checkAndDownload(feed: UpdateFeed): Promise<UpdateStatus> {
    this.update({ phase: 'checking' });
    try {
      const found = await feed.check();
      this.update({ lastCheckedAt: this.deps.clock.now().toISOString() });
      if (!found || found.version === this.deps.currentVersion) {
        this.update({ phase: 'idle', availableVersion: undefined });
        return this.status();
      }
      this.update({ phase: 'downloading', availableVersion: found.version });
      await feed.download();
      this.update({ phase: 'ready' });
    } catch (error) {
      this.deps.log?.(`updates: ${error instanceof Error ? error.message : String(error)}`);
      this.update({ phase: 'error' });
    } finally {
      if (this.state.phase !== 'ready') this.scheduleCheck(CHECK_INTERVAL_MS);
    }
    return this.status();
  }

  private scheduleCheck(ms: number): void {
    if (this.checkTimer !== null) this.timers.clearTimeout(this.checkTimer);
    this.checkTimer = this.timers.setTimeout(() => {
      this.checkTimer = null;
      void this.checkNow();
    }, ms);
  }

  private update(patch: Partial<UpdateStatus>): void {
    const next: UpdateStatus = { ...this.state, ...patch };
    if (patch.availableVersion === undefined && 'availableVersion' in patch) delete next.availableVersion;
    this.state = next;
    this.deps.onChange?.(this.status());
  }
}
