import { describe, expect, it } from 'vitest';
import { KsefApiError, KsefNetworkError, KsefRateLimitError } from '../http/errors';
import { FakeTime } from '../testing/fake-time';
import { endpointPolicy, type RateLimit } from './endpoints';
import { backoffDelay } from './retry-policy';
import { KsefScheduler, type ScheduledCall, type SchedulerEvent } from './scheduler';

const SESSIONS_LIST: ScheduledCall = { method: 'GET', template: '/auth/sessions', scope: 'Nip:5265877635' };
const SEND_INVOICE: ScheduledCall = { method: 'POST', template: '/sessions/online/{referenceNumber}/invoices', scope: 'Nip:5265877635' };

function setup(options: ConstructorParameters<typeof KsefScheduler>[0] = {}) {
  const time = new FakeTime();
  const events: SchedulerEvent[] = [];
  const scheduler = new KsefScheduler({ time, random: () => 0, safetyMarginMs: 0, onEvent: (e) => events.push(e), ...options });
  return { time, events, scheduler };
}

/** Worst count of starts inside any sliding window, as KSeF would see them. */
function worstWindowCount(starts: number[], windowMs: number): number {
  return Math.max(0, ...starts.map((t) => starts.filter((s) => s <= t && t - s < windowMs).length));
}

function expectWithin(starts: number[], limit: RateLimit): void {
  if (limit.perSecond) expect(worstWindowCount(starts, 1_000)).toBeLessThanOrEqual(limit.perSecond);
  if (limit.perMinute) expect(worstWindowCount(starts, 60_000)).toBeLessThanOrEqual(limit.perMinute);
  if (limit.perHour) expect(worstWindowCount(starts, 3_600_000)).toBeLessThanOrEqual(limit.perHour);
}

const http = (status: number, retryAfterSeconds?: number) =>
  new KsefApiError({ httpStatus: status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });

describe('KsefScheduler: rate limits', () => {
  it('a burst of 45 calls to a 10/s · 30/min group never exceeds any window', async () => {
    const { time, scheduler } = setup({ retry: { maxTotalWaitMs: 3_600_000 } });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 45 }, () => scheduler.run(SESSIONS_LIST, async () => starts.push(time.now()))));
    expect(starts).toHaveLength(45);
    expectWithin(starts, { perSecond: 10, perMinute: 30, perHour: 120 });
    // The 31st call had to wait for the minute window.
    const sorted = [...starts].sort((a, b) => a - b);
    expect(sorted[30]! - sorted[0]!).toBeGreaterThanOrEqual(60_000);
  });

  it('public endpoints: 130 challenges stay within 60/s', async () => {
    const { time, scheduler } = setup();
    const starts: number[] = [];
    const call: ScheduledCall = { method: 'POST', template: '/auth/challenge' };
    await Promise.all(Array.from({ length: 130 }, () => scheduler.run(call, async () => starts.push(time.now()))));
    expectWithin(starts, { perSecond: 60 });
  });

  it('contexts are counted separately, as KSeF does', async () => {
    const { events, scheduler } = setup();
    const calls = ['Nip:1', 'Nip:2'].flatMap((scope) => Array.from({ length: 10 }, () => scheduler.run({ ...SESSIONS_LIST, scope }, async () => 1)));
    await Promise.all(calls);
    expect(events.filter((e) => e.type === 'throttled')).toHaveLength(0);
  });

  it('a request in flight keeps its slot until it answers', async () => {
    const { scheduler } = setup();
    const releases: Array<() => void> = [];
    const hanging = Array.from({ length: 10 }, () => scheduler.run(SESSIONS_LIST, () => new Promise<void>((resolve) => releases.push(resolve))));
    let eleventhStarted = false;
    const eleventh = scheduler.run(SESSIONS_LIST, async () => void (eleventhStarted = true));
    while (releases.length < 10) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(eleventhStarted).toBe(false);
    releases.forEach((release) => release());
    await Promise.all([...hanging, eleventh]);
    expect(eleventhStarted).toBe(true);
  });

  it('refuses to queue past its time budget (client-side RATE_LIMITED)', async () => {
    const { scheduler } = setup({ retry: { maxTotalWaitMs: 10_000 } });
    const call: ScheduledCall = { method: 'POST', template: '/invoices/query/metadata', scope: 'Nip:1' };
    for (let i = 0; i < 16; i++) await scheduler.run(call, async () => 1);
    const error = await scheduler.run(call, async () => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KsefRateLimitError);
    expect((error as KsefRateLimitError).fromServer).toBe(false);
  });
});

describe('KsefScheduler: 429 and retries', () => {
  it('honours Retry-After, then succeeds', async () => {
    const { time, events, scheduler } = setup();
    const started = time.now();
    let attempts = 0;
    const result = await scheduler.run(SEND_INVOICE, async () => {
      attempts++;
      if (attempts <= 2) throw http(429, 3);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(attempts).toBe(3);
    expect(time.now() - started).toBeGreaterThanOrEqual(6_000);
    expect(events.filter((e) => e.type === 'rate-limited').map((e) => (e.type === 'rate-limited' ? e.retryAfterMs : 0))).toEqual([3000, 3000]);
  });

  it('a 429 holds back the other calls of the same counter too', async () => {
    const { time, scheduler } = setup();
    const starts: number[] = [];
    let first = true;
    await Promise.all(
      Array.from({ length: 3 }, () =>
        scheduler.run(SESSIONS_LIST, async () => {
          starts.push(time.now());
          if (first) {
            first = false;
            throw http(429, 5);
          }
        }),
      ),
    );
    // After the 429 at t0, nothing else went out before t0 + 5 s.
    expect(starts.slice(1).every((t) => t - starts[0]! >= 5_000 || t === starts[0])).toBe(true);
    expect(starts.filter((t) => t > starts[0]! && t - starts[0]! < 5_000)).toHaveLength(0);
  });

  it('gives up with a rate-limit error once the 429 budget is spent', async () => {
    const { scheduler } = setup({ retry: { maxRateLimitedAttempts: 4 } });
    let attempts = 0;
    const error = await scheduler
      .run(SESSIONS_LIST, async () => {
        attempts++;
        throw http(429, 1);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KsefRateLimitError);
    expect((error as KsefRateLimitError).fromServer).toBe(true);
    expect(attempts).toBe(4);
  });

  it('retries an idempotent GET on 5xx with exponential backoff', async () => {
    const { time, scheduler } = setup();
    let attempts = 0;
    const result = await scheduler.run(SESSIONS_LIST, async () => {
      if (++attempts < 4) throw http(503);
      return attempts;
    });
    expect(result).toBe(4);
    // random() = 0 → half of base·2^n: 250, 500, 1000.
    expect(time.sleeps).toEqual([250, 500, 1000]);
  });

  it('retries idempotent calls on dropped connections, up to maxAttempts', async () => {
    const { scheduler } = setup({ retry: { maxAttempts: 3 } });
    let attempts = 0;
    const error = await scheduler
      .run({ method: 'POST', template: '/auth/challenge' }, async () => {
        attempts++;
        throw new KsefNetworkError('ECONNRESET', 'socket hang up', true);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KsefNetworkError);
    expect(attempts).toBe(3);
  });

  it('does not repeat a non-idempotent call after an ambiguous failure', async () => {
    for (const failure of [http(500), http(503), new KsefNetworkError('ECONNRESET', 'socket hang up', true), new KsefNetworkError('ECONNABORTED', 'timeout', true)]) {
      const { scheduler } = setup();
      let attempts = 0;
      await expect(
        scheduler.run(SEND_INVOICE, async () => {
          attempts++;
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(attempts).toBe(1);
    }
  });

  it('repeats a non-idempotent call when the request never left (ECONNREFUSED)', async () => {
    const { scheduler } = setup();
    let attempts = 0;
    await scheduler.run(SEND_INVOICE, async () => {
      if (++attempts === 1) throw new KsefNetworkError('ECONNREFUSED', 'refused', false);
    });
    expect(attempts).toBe(2);
  });

  it('does not retry 4xx other than 429', async () => {
    const { scheduler } = setup();
    let attempts = 0;
    await expect(
      scheduler.run(SESSIONS_LIST, async () => {
        attempts++;
        throw http(400);
      }),
    ).rejects.toBeInstanceOf(KsefApiError);
    expect(attempts).toBe(1);
  });
});

describe('endpoint table and backoff', () => {
  it('classifies groups and idempotency', () => {
    expect(endpointPolicy('POST', '/sessions/online/{referenceNumber}/invoices')).toMatchObject({ group: 'invoiceSend', idempotent: false, perContext: true });
    expect(endpointPolicy('GET', '/auth/{referenceNumber}')).toMatchObject({ group: 'public', idempotent: true, perContext: false });
    expect(endpointPolicy('POST', '/auth/token/redeem')).toMatchObject({ group: 'public', idempotent: false });
    expect(endpointPolicy('POST', '/auth/challenge').idempotent).toBe(true);
    expect(endpointPolicy('POST', '/sessions/online').idempotent).toBe(false);
    expect(endpointPolicy('POST', '/permissions/query/persons/grants')).toMatchObject({ group: 'other', idempotent: true });
    expect(endpointPolicy('GET', '/sessions/{ref}/invoices/{inv}')).toMatchObject({ group: 'invoiceStatus', counter: 'invoiceStatus' });
    expect(endpointPolicy('POST', '/testdata/person').group).toBe('public');
    expect(endpointPolicy('POST', '/testdata/rate-limits').group).toBe('other');
    // `other` endpoints each have their own counter.
    expect(endpointPolicy('GET', '/tokens').counter).not.toBe(endpointPolicy('GET', '/auth/sessions').counter);
  });

  it('backoff grows exponentially, is capped and jittered within [half, full]', () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 4_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(backoffDelay(3, policy, () => 0)).toBe(1000);
  });
});
