import 'reflect-metadata';
import { afterEach, describe, expect, it } from 'vitest';
import { FAULTS_ADMIN_SECRET_HEADER, isLoopback } from '../../../electron/sandbox/faults/admin';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { sandboxFaults } from '../../helpers/sandbox-faults';
import { call, callChecked } from '../../helpers/sandbox-http';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping rate-limit and fault tests');

describe.skipIf(!pack)('sandbox: rate limits and fault injection', () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('official limits: the 61st challenge within a second → 429 with Retry-After and the documented body', async () => {
    const clock = new FakeClock();
    sandbox = await startSandbox({ clock, limits: 'official' });
    for (let i = 0; i < 60; i++) expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(200);
    const limited = await callChecked(sandbox.baseUrl, 'POST', '/auth/challenge', '/auth/challenge');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toMatchObject({ status: { code: 429, description: 'Too Many Requests' } });
    const problem = await callChecked(sandbox.baseUrl, 'POST', '/auth/challenge', '/auth/challenge', { headers: { 'x-error-format': 'problem-details' } });
    expect(problem.status).toBe(429);
    expect(problem.contentType).toContain('application/problem+json');
    clock.advance(1000);
    expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(200);
  });

  it('limits off: no 429', async () => {
    sandbox = await startSandbox({ clock: new FakeClock(), limits: 'off' });
    for (let i = 0; i < 70; i++) expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(200);
  });

  it('outage answers 503 everywhere until the plan is cleared through the admin API', async () => {
    sandbox = await startSandbox({ faults: 'outage' });
    const down = await call(sandbox.baseUrl, 'GET', '/security/public-key-certificates');
    expect(down.status).toBe(503);
    expect(down.contentType).toContain('application/problem+json');
    await sandboxFaults(sandbox).clear();
    expect((await call(sandbox.baseUrl, 'GET', '/security/public-key-certificates')).status).toBe(200);
  });

  it('a 429 storm and 5xx hit only the matching endpoints', async () => {
    sandbox = await startSandbox({ faults: '429storm=/auth/challenge;5xx=1:502@/security/*' });
    const storm = await callChecked(sandbox.baseUrl, 'POST', '/auth/challenge', '/auth/challenge');
    expect(storm.status).toBe(429);
    expect(storm.headers.get('retry-after')).toBe('5');
    expect((await call(sandbox.baseUrl, 'GET', '/security/public-key-certificates')).status).toBe(502);
    expect((await call(sandbox.baseUrl, 'GET', '/auth/sessions')).status).toBe(401);
  });

  it('drop destroys the connection mid-request', async () => {
    sandbox = await startSandbox({ faults: 'drop=1@/auth/challenge' });
    await expect(fetch(`${sandbox.baseUrl}/auth/challenge`, { method: 'POST' })).rejects.toThrow();
    expect((await call(sandbox.baseUrl, 'GET', '/security/public-key-certificates')).status).toBe(200);
  });

  it('latency is applied through the injected sleep before the answer', async () => {
    const waits: number[] = [];
    sandbox = await startSandbox({ faults: 'latency=250ms@/auth/*', sleep: async (ms) => void waits.push(ms) });
    expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(200);
    expect((await call(sandbox.baseUrl, 'GET', '/security/public-key-certificates')).status).toBe(200);
    expect(waits).toEqual([250]);
  });

  it('admin API: PUT a compact or JSON plan, GET it back, bad plans → 400', async () => {
    sandbox = await startSandbox({});
    const admin = sandboxFaults(sandbox);
    await admin.set('5xx=1@/auth/challenge;seed=3');
    expect(await admin.get()).toEqual({ seed: 3, rules: [{ kind: '5xx', rate: 1, status: 500, pattern: '/auth/challenge' }] });
    expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(500);
    await admin.set({ rules: [{ kind: 'outage' }] });
    expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(503);
    const bad = await fetch(sandbox.faultsAdmin.url, { method: 'PUT', body: 'meteor=1', headers: { [FAULTS_ADMIN_SECRET_HEADER]: sandbox.faultsAdmin.secret } });
    expect(bad.status).toBe(400);
  });

  it('admin API refuses callers without the run secret, and a wrong one, changing nothing', async () => {
    sandbox = await startSandbox({});
    const { url } = sandbox.faultsAdmin;
    expect((await fetch(url, { method: 'PUT', body: 'outage' })).status).toBe(401);
    const wrong = await fetch(url, { method: 'PUT', body: 'outage', headers: { [FAULTS_ADMIN_SECRET_HEADER]: 'x'.repeat(32) } });
    expect(wrong.status).toBe(401);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(401);
    expect(await sandboxFaults(sandbox).get()).toMatchObject({ rules: [] });
    expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(200);
  });

  it('a secret chosen by the launcher is the one accepted', async () => {
    sandbox = await startSandbox({ adminSecret: 'launcher-chosen-secret-123' });
    expect(sandbox.faultsAdmin.secret).toBe('launcher-chosen-secret-123');
    await sandboxFaults(sandbox).set('outage');
    expect((await call(sandbox.baseUrl, 'POST', '/auth/challenge')).status).toBe(503);
  });

  it('admin API is loopback-only', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.10')).toBe(false);
  });
});
