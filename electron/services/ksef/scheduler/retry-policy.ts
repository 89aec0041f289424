import { KsefApiError, KsefNetworkError } from '../http/errors';

export interface RetryPolicy {
  /** Attempts per call for 5xx/network retries (the first try included). */
  maxAttempts: number;
  /** Attempts per call while KSeF answers 429 (the first try included). */
  maxRateLimitedAttempts: number;
  /** Total time a call may spend waiting (queue, Retry-After, backoff) before giving up. */
  maxTotalWaitMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxRateLimitedAttempts: 8,
  maxTotalWaitMs: 120_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
};

export type FailureDecision =
  | { kind: 'rate-limited'; retryAfterMs: number | undefined }
  | { kind: 'transient'; reason: string; retryAfterMs: number | undefined }
  | { kind: 'final' };

const RETRYABLE_HTTP = new Set([500, 502, 503, 504]);

/**
 * 429 means KSeF refused before doing anything, so any call may wait and repeat. 5xx and broken
 * connections are ambiguous (the work may have happened), so only idempotent calls repeat, except
 * when the request provably never reached the server.
 */
export function classifyFailure(error: unknown, idempotent: boolean): FailureDecision {
  if (error instanceof KsefApiError) {
    const retryAfterMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined;
    if (error.httpStatus === 429) return { kind: 'rate-limited', retryAfterMs };
    if (idempotent && RETRYABLE_HTTP.has(error.httpStatus)) return { kind: 'transient', reason: `http ${error.httpStatus}`, retryAfterMs };
    return { kind: 'final' };
  }
  if (error instanceof KsefNetworkError) {
    if (idempotent || !error.requestMayHaveReachedServer) return { kind: 'transient', reason: error.code, retryAfterMs: undefined };
  }
  return { kind: 'final' };
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients do not retry in lockstep. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
