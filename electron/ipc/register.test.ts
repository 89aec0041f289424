import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { isTrustedSender, registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from './register';

const policy = { isOwnWebContents: (id: number) => id === 1, appProtocol: 'app:', appHost: 'ksef-desk' };

function event(overrides: Partial<{ id: number; url: string; parent: unknown; frame: null }> = {}): InvokeEventLike {
  return {
    sender: { id: overrides.id ?? 1 },
    senderFrame: overrides.frame === null ? null : { url: overrides.url ?? 'app://ksef-desk/index.html', parent: overrides.parent ?? null },
  };
}

/** A stand-in for Electron's ipcMain: records handlers so the test can invoke them like Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, payload: unknown) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

describe('isTrustedSender', () => {
  it('accepts only the main frame of our own window on app://ksef-desk', () => {
    expect(isTrustedSender(event(), policy)).toBe(true);
    expect(isTrustedSender(event({ id: 2 }), policy)).toBe(false);
    expect(isTrustedSender(event({ parent: {} }), policy)).toBe(false);
    expect(isTrustedSender(event({ frame: null }), policy)).toBe(false);
    for (const url of [
      'https://evil.example/index.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'app://ksef-desk.evil.com/',
      'http://ksef-desk/',
      'not a url',
    ]) {
      expect(isTrustedSender(event({ url }), policy), url).toBe(false);
    }
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpcHandlers(ipcMain, vi.fn(), policy);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses a foreign sender without calling the dispatcher', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    registerIpcHandlers(ipcMain, dispatch, policy);
    const handler = handlers.get('settings:get')!;
    expect(await handler(event({ parent: {} }), {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await handler(event({ id: 7 }), {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler(event(), {})).toEqual({ ok: true, value: 1 });
    expect(dispatch).toHaveBeenCalledWith('settings:get', {});
  });

  it('removes its handlers when disposed', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpcHandlers(ipcMain, vi.fn(), policy)();
    expect(handlers.size).toBe(0);
  });
});
