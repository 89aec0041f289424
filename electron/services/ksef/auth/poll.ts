import type { KsefTime } from '../time';

export interface PollPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up after this long. */
  timeoutMs: number;
}

export type PollOutcome<T> = { done: true; value: T } | { done: false; value: T };

/**
 * Repeats `check` with growing pauses (×1.5, capped) until it reports done or time runs out.
 * Returns the last value either way so the caller can describe the timeout.
 */
export async function pollUntil<T>(time: KsefTime, policy: PollPolicy, check: () => Promise<PollOutcome<T>>): Promise<PollOutcome<T>> {
  const deadline = time.now() + policy.timeoutMs;
  let delay = policy.initialDelayMs;
  for (;;) {
    const outcome = await check();
    if (outcome.done || time.now() + delay > deadline) return outcome;
    await time.sleep(delay);
    delay = Math.min(policy.maxDelayMs, Math.round(delay * 1.5));
  }
}
