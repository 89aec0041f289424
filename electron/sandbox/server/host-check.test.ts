import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../index';
import { isAllowedHostHeader } from './host-check';

describe('isAllowedHostHeader', () => {
  const server = { boundHost: '127.0.0.1', port: 4100 };

  it.each(['127.0.0.1:4100', 'localhost:4100', 'LOCALHOST:4100', '[::1]:4100', '127.0.0.2:4100'])('accepts loopback %s', (host) => {
    expect(isAllowedHostHeader(host, server)).toBe(true);
  });

  it.each([
    ['a rebinding name', 'evil.example:4100'],
    ['another port', '127.0.0.1:4101'],
    ['no port (80)', '127.0.0.1'],
    ['credentials', 'user@127.0.0.1:4100'],
    ['a path', '127.0.0.1:4100/x'],
    ['nothing', ''],
    ['a LAN address', '192.168.1.5:4100'],
  ])('refuses %s', (_why, host) => {
    expect(isAllowedHostHeader(host, server)).toBe(false);
  });

  it('refuses a missing header', () => expect(isAllowedHostHeader(undefined, server)).toBe(false));

  it('accepts the exact non-loopback address it was bound to, never a name for a wildcard bind', () => {
    expect(isAllowedHostHeader('192.168.1.5:4100', { boundHost: '192.168.1.5', port: 4100 })).toBe(true);
    expect(isAllowedHostHeader('evil.example:4100', { boundHost: '0.0.0.0', port: 4100 })).toBe(false);
  });
});

/** Raw requests: fetch() would not let us forge the Host header. */
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox server: DNS rebinding guard (regression)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
  });
  afterAll(() => sandbox.close());

  it('answers the API for its own loopback host and port', async () => {
    const ok = await get(sandbox.port, '/v2/security/public-key-certificates', `127.0.0.1:${sandbox.port}`);
    expect(ok.status).toBe(200);
    expect((await get(sandbox.port, '/v2/security/public-key-certificates', `localhost:${sandbox.port}`)).status).toBe(200);
  });

  it('421 for a foreign host name, on the API and on the fault-admin path alike', async () => {
    const api = await get(sandbox.port, '/v2/security/public-key-certificates', `attacker.example:${sandbox.port}`);
    expect(api.status).toBe(421);
    expect(api.body).not.toContain('certificate');
    expect((await get(sandbox.port, '/__sandbox/faults', `attacker.example:${sandbox.port}`)).status).toBe(421);
    expect((await get(sandbox.port, '/v2/security/public-key-certificates', '127.0.0.1:1')).status).toBe(421);
  });
});
