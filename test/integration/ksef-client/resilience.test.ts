import 'reflect-metadata';
import { afterEach, describe, expect, it } from 'vitest';
import { toAppError } from '../../../electron/services/ksef/app-errors';
import { KsefRateLimitError } from '../../../electron/services/ksef/http/errors';
import { parseFaultPlan } from '../../../electron/sandbox/faults/plan';
import { countEvents, loginWithNewCertificate, startHarness, type Harness } from './harness';

const LIST = 'GET /auth/sessions';

describe('KSeF client against the sandbox: faults and rate limits', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
    expect(harness?.specViolations ?? []).toEqual([]);
  });

  async function signedInWithFaults(plan: string) {
    harness = await startHarness();
    const session = await loginWithNewCertificate(harness);
    harness.sandbox.faults.setPlan(parseFaultPlan(plan));
    return session;
  }

  it('429 storm: waits per Retry-After and gets through', async () => {
    const session = await signedInWithFaults('seed=3;429storm=0.5:2s@/auth/sessions');
    for (let i = 0; i < 10; i++) await session.listAuthSessions();
    const rateLimited = harness.events.filter((e) => e.type === 'rate-limited');
    expect(rateLimited.length).toBeGreaterThan(0);
    expect(rateLimited.every((e) => e.type === 'rate-limited' && e.retryAfterMs === 2000)).toBe(true);
  });

  it('endless 429: RATE_LIMITED once the budget is spent', async () => {
    const session = await signedInWithFaults('429storm=1:2s@/auth/sessions');
    const error = await session.listAuthSessions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KsefRateLimitError);
    expect(toAppError(error).code).toBe('RATE_LIMITED');
    expect(countEvents(harness.events, 'attempt', LIST)).toBe(8);
  });

  it('5xx on an idempotent GET is retried until it succeeds', async () => {
    const session = await signedInWithFaults('seed=5;5xx=0.5:503@/auth/sessions');
    for (let i = 0; i < 10; i++) await session.listAuthSessions();
    expect(countEvents(harness.events, 'retry', LIST)).toBeGreaterThan(0);
    expect(countEvents(harness.events, 'attempt', LIST)).toBe(10 + countEvents(harness.events, 'retry', LIST));
  });

  it('dropped connections on an idempotent GET are retried', async () => {
    const session = await signedInWithFaults('seed=2;drop=0.5@/auth/sessions');
    for (let i = 0; i < 10; i++) await session.listAuthSessions();
    expect(countEvents(harness.events, 'retry', LIST)).toBeGreaterThan(0);
  });

  it('a non-idempotent call (XAdES submit, redeem) is not repeated after 5xx or a dropped connection', async () => {
    harness = await startHarness();
    harness.sandbox.faults.setPlan(parseFaultPlan('5xx=1@/auth/xades-signature'));
    const serverError = await loginWithNewCertificate(harness).catch((e: unknown) => e);
    expect(toAppError(serverError).code).toBe('KSEF_UNAVAILABLE');
    expect(countEvents(harness.events, 'attempt', 'POST /auth/xades-signature')).toBe(1);

    harness.sandbox.faults.setPlan(parseFaultPlan('drop=1@/auth/token/redeem'));
    const dropped = await loginWithNewCertificate(harness).catch((e: unknown) => e);
    expect(toAppError(dropped).code).toBe('NETWORK_ERROR');
    expect(countEvents(harness.events, 'attempt', 'POST /auth/token/redeem')).toBe(1);
  });

  it("official limits: 40 calls to a 10/s · 30/min endpoint never draw a 429 (virtual time)", async () => {
    harness = await startHarness({ sandbox: { limits: 'official' } });
    const session = await loginWithNewCertificate(harness);
    const results = await Promise.all(Array.from({ length: 40 }, () => session.listAuthSessions()));
    expect(results).toHaveLength(40);
    expect(countEvents(harness.events, 'rate-limited')).toBe(0);
    expect(countEvents(harness.events, 'throttled', LIST)).toBeGreaterThan(0);
    // Control: the same burst without the client's scheduler is refused by the sandbox.
    const token = session.snapshot().accessToken;
    const raw = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${harness.sandbox.baseUrl}/auth/sessions`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)),
    );
    expect(raw).toContain(429);
  });

  it('official limits in real time: a burst of 25 calls (10/s window) sees no 429', async () => {
    harness = await startHarness({ virtualTime: false, sandbox: { limits: 'official' } });
    const session = await loginWithNewCertificate(harness);
    await Promise.all(Array.from({ length: 25 }, () => session.listAuthSessions()));
    expect(countEvents(harness.events, 'rate-limited')).toBe(0);
    expect(countEvents(harness.events, 'throttled', LIST)).toBeGreaterThan(0);
  });
});
