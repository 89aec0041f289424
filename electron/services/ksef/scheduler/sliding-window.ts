import type { RateLimit } from './endpoints';

const WINDOWS = [
  { field: 'perSecond', ms: 1_000 },
  { field: 'perMinute', ms: 60_000 },
  { field: 'perHour', ms: 3_600_000 },
] as const;
const LONGEST_WINDOW_MS = 3_600_000;

interface Hit {
  /** When the request finished; while it is in flight, when it started. */
  at: number;
  inFlight: boolean;
}

export interface SlotReservation {
  complete(): void;
}

/**
 * Client-side mirror of KSeF's sliding windows (last 1 s, 60 s, 60 min). A request occupies its slot
 * from send until `window` after its answer arrived: KSeF counted it at some moment in between, so
 * this can never be early, whatever the network latency.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, Hit[]>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly completionWaiters = new Map<string, Array<() => void>>();

  constructor(
    private readonly now: () => number,
    /** Extra time a finished request keeps its slot, for clock granularity and skew. */
    private readonly safetyMarginMs: number,
  ) {}

  /** 0 = a slot is free now; Infinity = only in-flight requests hold the slots; else ms to wait. */
  waitTime(key: string, limit: RateLimit): number {
    const now = this.now();
    const hits = this.prune(key, now);
    let wait = Math.max(0, (this.blockedUntil.get(key) ?? 0) - now);
    for (const window of WINDOWS) {
      const max = limit[window.field];
      if (max === undefined) continue;
      const span = window.ms + this.safetyMarginMs;
      const inWindow = hits.filter((h) => h.inFlight || now - h.at < span);
      if (inWindow.length < max) continue;
      const finished = inWindow.filter((h) => !h.inFlight).map((h) => h.at).sort((a, b) => a - b);
      const mustLeave = inWindow.length - max + 1;
      if (finished.length < mustLeave) return Infinity;
      wait = Math.max(wait, finished[mustLeave - 1]! + span - now);
    }
    return wait;
  }

  reserve(key: string): SlotReservation {
    const hit: Hit = { at: this.now(), inFlight: true };
    const list = this.hits.get(key) ?? [];
    list.push(hit);
    this.hits.set(key, list);
    let done = false;
    return {
      complete: () => {
        if (done) return;
        done = true;
        hit.at = this.now();
        hit.inFlight = false;
        const waiters = this.completionWaiters.get(key) ?? [];
        this.completionWaiters.delete(key);
        for (const wake of waiters) wake();
      },
    };
  }

  /** Resolves when any in-flight request of `key` finishes. */
  nextCompletion(key: string): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.completionWaiters.get(key) ?? [];
      waiters.push(resolve);
      this.completionWaiters.set(key, waiters);
    });
  }

  /** After a 429: nothing goes out on this counter before `untilMs`. */
  block(key: string, untilMs: number): void {
    this.blockedUntil.set(key, Math.max(untilMs, this.blockedUntil.get(key) ?? 0));
  }

  private prune(key: string, now: number): Hit[] {
    const kept = (this.hits.get(key) ?? []).filter((h) => h.inFlight || now - h.at < LONGEST_WINDOW_MS + this.safetyMarginMs);
    this.hits.set(key, kept);
    return kept;
  }
}
