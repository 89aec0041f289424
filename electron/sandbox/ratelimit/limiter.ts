import type { Clock } from '../server/clock';
import type { RateLimit } from './groups';

export type RateLimitMode = 'official' | 'off';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; detail: string };

const WINDOWS = [
  { field: 'perSecond', ms: 1_000, unit: 'sekundę' },
  { field: 'perMinute', ms: 60_000, unit: 'minutę' },
  { field: 'perHour', ms: 3_600_000, unit: 'godzinę' },
] as const;

/**
 * Sliding-window counters (last 1 s, 60 s, 60 min; all apply, the first breach blocks).
 * Rejected requests are not counted, so a client that waits Retry-After gets through.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private mode: RateLimitMode = 'official',
  ) {}

  setMode(mode: RateLimitMode): void {
    this.mode = mode;
  }

  getMode(): RateLimitMode {
    return this.mode;
  }

  check(key: string, limit: RateLimit): RateDecision {
    if (this.mode === 'off') return { allowed: true };
    const now = this.clock.now().getTime();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 3_600_000);
    for (const window of WINDOWS) {
      const max = limit[window.field];
      if (max === undefined) continue;
      const inWindow = recent.filter((t) => now - t < window.ms);
      if (inWindow.length >= max) {
        // The window frees a slot when the oldest counted request in it ages out.
        const oldestThatMustExpire = inWindow[inWindow.length - max]!;
        const retryAfterSeconds = Math.max(1, Math.ceil((oldestThatMustExpire + window.ms - now) / 1000));
        this.hits.set(key, recent);
        return {
          allowed: false,
          retryAfterSeconds,
          detail: `Przekroczono limit ${max} żądań na ${window.unit}. Spróbuj ponownie po ${retryAfterSeconds} sekundach.`,
        };
      }
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true };
  }

  reset(): void {
    this.hits.clear();
  }
}
