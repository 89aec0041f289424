import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/ipc/result';
import { BRIDGE_TOKEN_HEADER, isLoopbackHost, startBridgeServer, type RunningBridge } from './bridge-server';
import { EventBus } from './handlers';

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

async function start(dispatch = vi.fn(async (channel: string) => (channel === 'settings:get' ? ok({ language: 'pl' }) : fail('UNKNOWN_CHANNEL')))) {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'bridge-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(os.tmpdir(), 'bridge-secret.txt'), 'secret');
  const events = new EventBus();
  bridge = await startBridgeServer({ dispatch, events, rendererDir });
  return { bridge, dispatch, events };
}

function call(b: RunningBridge, channel: string, init: { token?: string | null; origin?: string; body?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== null) headers[BRIDGE_TOKEN_HEADER] = init.token ?? b.token;
  if (init.origin) headers.origin = init.origin;
  return fetch(`${b.origin}/ipc/${channel}`, { method: 'POST', headers, body: init.body ?? '{}' });
}

describe('the browser bridge', () => {
  it('binds only to loopback', async () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '127.0.0.1.evil.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
      await expect(startBridgeServer({ dispatch: vi.fn(), events: new EventBus(), host })).rejects.toThrow(/loopback/);
    }
    const { bridge: b } = await start();
    expect(new URL(b.origin).hostname).toBe('127.0.0.1');
    expect(b.token).toMatch(/^[0-9a-f]{64}$/);
    expect(b.url).toBe(`${b.origin}/#token=${b.token}`);
  });

  it('refuses a missing or wrong token before dispatching', async () => {
    const { bridge: b, dispatch } = await start();
    expect((await call(b, 'settings:get', { token: null })).status).toBe(401);
    expect((await call(b, 'settings:get', { token: 'f'.repeat(64) })).status).toBe(401);
    expect((await call(b, 'settings:get', { token: b.token.slice(1) })).status).toBe(401);
    expect(dispatch).not.toHaveBeenCalled();
    const response = await call(b, 'settings:get');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { language: 'pl' } });
  });

  it('refuses foreign origins and sends no CORS headers', async () => {
    const { bridge: b, dispatch } = await start();
    const response = await call(b, 'settings:get', { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(dispatch).not.toHaveBeenCalled();
    expect((await call(b, 'settings:get', { origin: b.origin })).status).toBe(200);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { bridge: b } = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const port = new URL(b.origin).port;
      const req = request({ host: '127.0.0.1', port, path: '/ipc/settings:get', method: 'POST', headers: { host: `evil.example:${port}`, [BRIDGE_TOKEN_HEADER]: b.token, 'content-type': 'application/json' } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('answers UNKNOWN_CHANNEL with 404 and rejects non-JSON bodies', async () => {
    const { bridge: b } = await start();
    const unknown = await call(b, 'fs:read');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const broken = await call(b, 'settings:get', { body: '{not json' });
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('serves the renderer with a CSP and never files outside it', async () => {
    const { bridge: b } = await start();
    const index = await fetch(`${b.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const attack of ['/../bridge-secret.txt', '/%2e%2e/bridge-secret.txt', '/..%2fbridge-secret.txt', '/%2e%2e%5cbridge-secret.txt']) {
      expect((await fetch(`${b.origin}${attack}`)).status, attack).toBe(404);
    }
  });

  it('streams pushed events to a client with the token', async () => {
    const { bridge: b, events } = await start();
    const response = await fetch(`${b.origin}/events`, { headers: { [BRIDGE_TOKEN_HEADER]: b.token } });
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    events.publish('settings:changed', { environment: 'test', language: 'en' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"event":"settings:changed"');
    await reader.cancel();
    expect((await fetch(`${b.origin}/events`)).status).toBe(401);
  });
});
