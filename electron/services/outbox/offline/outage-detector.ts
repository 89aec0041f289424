/**
 * Decides when KSeF (or the network to it) is down: an outage, not one failed request. The app goes
 * offline after at least `failureThreshold` consecutive outage-like failures spread over at least
 * `minOutageMs`, confirmed by a failing probe; while offline a probe runs on a timer and the first
 * answer (or any successful real request) ends the outage. The user may also switch offline by hand.
 */

export interface DetectorTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OutageDetectorOptions {
  /** Epoch milliseconds. */
  now: () => number;
  /** Resolves true when KSeF answers at all (any status below 500), false on a network error or 5xx. */
  probe: () => Promise<boolean>;
  timers?: DetectorTimers;
  failureThreshold?: number;
  minOutageMs?: number;
  /** First probe interval while offline; doubles up to `maxProbeIntervalMs`. */
  probeIntervalMs?: number;
  maxProbeIntervalMs?: number;
}

export type OutageEvent =
  | { type: 'outage-started'; startedAt: string }
  | { type: 'outage-ended'; startedAt: string; endedAt: string }
  | { type: 'manual-changed'; manual: boolean };

export interface ConnectivityState {
  /** True when invoices should be issued offline now: a detected outage or the user's choice. */
  offline: boolean;
  manual: boolean;
  /** ISO instant the current detected outage began (its first failure). */
  outageSince: string | null;
  consecutiveFailures: number;
  lastProbeAt: string | null;
}

const systemTimers: DetectorTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class OutageDetector {
  private readonly listeners = new Set<(event: OutageEvent) => void>();
  private readonly timers: DetectorTimers;
  private readonly threshold: number;
  private readonly minOutageMs: number;
  private readonly probeIntervalMs: number;
  private readonly maxProbeIntervalMs: number;
  private failures = 0;
  private firstFailureAt: number | null = null;
  private outageSince: number | null = null;
  private manual = false;
  private lastProbeAt: number | null = null;
  private timer: unknown = null;
  private nextProbeIn: number;
  private probing = false;
  private stopped = false;

  constructor(private readonly options: OutageDetectorOptions) {
    this.timers = options.timers ?? systemTimers;
    this.threshold = options.failureThreshold ?? 3;
    this.minOutageMs = options.minOutageMs ?? 20_000;
    this.probeIntervalMs = options.probeIntervalMs ?? 10_000;
    this.maxProbeIntervalMs = options.maxProbeIntervalMs ?? 60_000;
    this.nextProbeIn = this.probeIntervalMs;
  }

  onEvent(listener: (event: OutageEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): ConnectivityState {
    return {
      offline: this.manual || this.outageSince !== null,
      manual: this.manual,
      outageSince: this.outageSince === null ? null : new Date(this.outageSince).toISOString(),
      consecutiveFailures: this.failures,
      lastProbeAt: this.lastProbeAt === null ? null : new Date(this.lastProbeAt).toISOString(),
    };
  }

  /** A real KSeF request got an answer (any non-5xx status). */
  recordSuccess(): void {
    this.failures = 0;
    this.firstFailureAt = null;
    if (this.outageSince !== null) this.endOutage();
    else this.clearTimer();
  }

  /** A real KSeF request failed like an outage does (network error, 5xx). Other failures are not reported. */
  recordFailure(): void {
    if (this.stopped || this.outageSince !== null) return;
    this.failures += 1;
    this.firstFailureAt ??= this.options.now();
    if (this.failures >= this.threshold && this.timer === null) this.scheduleCheck(this.msUntilLongEnough());
  }

  setManual(manual: boolean): void {
    if (this.manual === manual) return;
    this.manual = manual;
    this.emit({ type: 'manual-changed', manual });
  }

  /** Probe now (e.g. the user pressed "check"); returns whether KSeF answered. */
  async checkNow(): Promise<boolean> {
    if (this.probing) return false;
    this.probing = true;
    let answered: boolean;
    try {
      answered = await this.options.probe();
    } catch {
      answered = false;
    } finally {
      this.probing = false;
      this.lastProbeAt = this.options.now();
    }
    if (this.stopped) return answered;
    if (answered) {
      this.recordSuccess();
    } else if (this.outageSince !== null) {
      this.scheduleCheck(this.backoff());
    } else if (this.failures >= this.threshold) {
      const wait = this.msUntilLongEnough();
      if (wait > 0) this.scheduleCheck(wait);
      else this.startOutage();
    }
    return answered;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private msUntilLongEnough(): number {
    return Math.max(0, (this.firstFailureAt ?? this.options.now()) + this.minOutageMs - this.options.now());
  }

  private startOutage(): void {
    this.outageSince = this.firstFailureAt ?? this.options.now();
    this.nextProbeIn = this.probeIntervalMs;
    this.emit({ type: 'outage-started', startedAt: new Date(this.outageSince).toISOString() });
    this.scheduleCheck(this.backoff());
  }

  private endOutage(): void {
    const startedAt = new Date(this.outageSince ?? this.options.now()).toISOString();
    this.outageSince = null;
    this.clearTimer();
    this.emit({ type: 'outage-ended', startedAt, endedAt: new Date(this.options.now()).toISOString() });
  }

  private backoff(): number {
    const wait = this.nextProbeIn;
    this.nextProbeIn = Math.min(this.maxProbeIntervalMs, wait * 2);
    return wait;
  }

  private scheduleCheck(ms: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.checkNow();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(event: OutageEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
