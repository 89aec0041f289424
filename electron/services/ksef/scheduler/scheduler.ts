import { KsefRateLimitError } from '../http/errors';
import { systemTime, type KsefTime } from '../time';
import { endpointPolicy, OFFICIAL_RATE_LIMITS, type HttpMethod, type RateLimit, type RateLimitGroup } from './endpoints';
import { backoffDelay, classifyFailure, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { SlidingWindowLimiter, type SlotReservation } from './sliding-window';

export interface ScheduledCall {
  method: HttpMethod;
  /** Spec path template, e.g. `/auth/{referenceNumber}`; selects the rate-limit group. */
  template: string;
  /** Rate-limit scope of protected endpoints: the context (KSeF counts per context and IP). */
  scope?: string;
  /** Overrides the endpoint table's idempotency. */
  idempotent?: boolean;
}

export type SchedulerEvent =
  | { type: 'attempt'; endpoint: string; attempt: number }
  | { type: 'throttled'; endpoint: string; waitMs: number }
  | { type: 'rate-limited'; endpoint: string; attempt: number; retryAfterMs: number }
  | { type: 'retry'; endpoint: string; attempt: number; delayMs: number; reason: string };

export interface KsefSchedulerOptions {
  time?: KsefTime;
  retry?: Partial<RetryPolicy>;
  limits?: Partial<Record<RateLimitGroup, RateLimit>>;
  /** Default 50 ms. */
  safetyMarginMs?: number;
  random?: () => number;
  onEvent?: (event: SchedulerEvent) => void;
}

/**
 * The single gate every KSeF call goes through: keeps each rate-limit counter under the official
 * limits by queueing (FIFO per counter), waits out 429 Retry-After and repeats, and retries
 * idempotent calls on 5xx/network errors with jittered exponential backoff.
 */
export class KsefScheduler {
  private readonly time: KsefTime;
  private readonly retry: RetryPolicy;
  private readonly limits: Record<RateLimitGroup, RateLimit>;
  private readonly limiter: SlidingWindowLimiter;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly random: () => number;
  private readonly onEvent: (event: SchedulerEvent) => void;

  constructor(options: KsefSchedulerOptions = {}) {
    this.time = options.time ?? systemTime;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.limits = { ...OFFICIAL_RATE_LIMITS, ...options.limits };
    this.limiter = new SlidingWindowLimiter(() => this.time.now(), options.safetyMarginMs ?? 50);
    this.random = options.random ?? Math.random;
    this.onEvent = options.onEvent ?? (() => undefined);
  }

  async run<T>(call: ScheduledCall, attempt: () => Promise<T>): Promise<T> {
    const policy = endpointPolicy(call.method, call.template, this.limits);
    const idempotent = call.idempotent ?? policy.idempotent;
    const key = `${policy.perContext ? (call.scope ?? '-') : 'ip'}|${policy.counter}`;
    const deadline = this.time.now() + this.retry.maxTotalWaitMs;
    let transientAttempts = 0;
    let rateLimitedAttempts = 0;

    for (let attemptNo = 1; ; attemptNo++) {
      const slot = await this.acquire(key, policy.endpoint, policy.limit, deadline);
      this.onEvent({ type: 'attempt', endpoint: policy.endpoint, attempt: attemptNo });
      try {
        const result = await attempt();
        slot.complete();
        return result;
      } catch (error) {
        slot.complete();
        const decision = classifyFailure(error, idempotent);
        if (decision.kind === 'final') throw error;
        if (decision.kind === 'rate-limited') {
          rateLimitedAttempts++;
          const waitMs = decision.retryAfterMs ?? backoffDelay(rateLimitedAttempts, this.retry, this.random);
          if (rateLimitedAttempts >= this.retry.maxRateLimitedAttempts || this.time.now() + waitMs > deadline) {
            throw new KsefRateLimitError(policy.endpoint, Math.ceil(waitMs / 1000), true);
          }
          this.onEvent({ type: 'rate-limited', endpoint: policy.endpoint, attempt: attemptNo, retryAfterMs: waitMs });
          // Every call on this counter waits, not just this one: KSeF blocks the whole counter.
          this.limiter.block(key, this.time.now() + waitMs);
          continue;
        }
        transientAttempts++;
        const delayMs = decision.retryAfterMs ?? backoffDelay(transientAttempts, this.retry, this.random);
        if (transientAttempts >= this.retry.maxAttempts || this.time.now() + delayMs > deadline) throw error;
        this.onEvent({ type: 'retry', endpoint: policy.endpoint, attempt: attemptNo, delayMs, reason: decision.reason });
        await this.time.sleep(delayMs);
      }
    }
  }

  /** Waits for a slot in FIFO order per counter; gives up when the wait would pass `deadline`. */
  private async acquire(key: string, endpoint: string, limit: RateLimit, deadline: number): Promise<SlotReservation> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chain = previous.then(() => mine);
    this.queues.set(key, chain);
    await previous;
    try {
      for (;;) {
        const wait = this.limiter.waitTime(key, limit);
        if (wait <= 0) return this.limiter.reserve(key);
        if (wait !== Infinity && this.time.now() + wait > deadline) {
          throw new KsefRateLimitError(endpoint, Math.ceil(wait / 1000), false);
        }
        this.onEvent({ type: 'throttled', endpoint, waitMs: wait });
        await (wait === Infinity ? this.limiter.nextCompletion(key) : this.time.sleep(wait));
      }
    } finally {
      release();
      if (this.queues.get(key) === chain) this.queues.delete(key);
    }
  }
}
