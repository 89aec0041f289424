import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { AppError } from '../services/errors/app-error';
import { createDispatcher } from './dispatch';
import type { Handlers } from './handlers';

type FakeHandlers = Pick<Handlers, 'app:info' | 'settings:get' | 'settings:update'> & {
  [K in 'app:info' | 'settings:get' | 'settings:update']: ReturnType<typeof vi.fn>;
};

/** Only the channels these tests call; the dispatcher never looks at the others. */
function fakeHandlers(): Handlers & FakeHandlers {
  const handlers: FakeHandlers = {
    'app:info': vi.fn(async () => ({ version: '1', shell: 'browser' as const, platform: 'linux', environment: 'sandbox' as const, apiBaseUrl: null, profileDir: '/tmp' })),
    'settings:get': vi.fn(async () => DEFAULT_SETTINGS),
    'settings:update': vi.fn(async () => DEFAULT_SETTINGS),
  };
  return handlers as Handlers & FakeHandlers;
}

describe('createDispatcher', () => {
  it('refuses a channel that is not in the contract', async () => {
    const dispatch = createDispatcher(fakeHandlers());
    expect(await dispatch('fs:readFile', { path: '/etc/passwd' })).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('__proto__', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('constructor', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('answers INVALID_INPUT for a malformed payload and never calls the service', async () => {
    const handlers = fakeHandlers();
    const dispatch = createDispatcher(handlers);
    for (const payload of [{ environment: 'mars' }, { language: 42 }, { environment: 'test', extra: true }, 'text', [1, 2]]) {
      const result = await dispatch('settings:update', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    expect(handlers['settings:update']).not.toHaveBeenCalled();
  });

  it('refuses oversized payloads before parsing them', async () => {
    const handlers = fakeHandlers();
    const result = await createDispatcher(handlers)('settings:update', { language: 'x'.repeat(3 * 1024 * 1024) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handlers['settings:update']).not.toHaveBeenCalled();
  });

  it('passes the parsed request to the handler and wraps its value', async () => {
    const handlers = fakeHandlers();
    const result = await createDispatcher(handlers)('settings:update', { language: 'en' });
    expect(result).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(handlers['settings:update']).toHaveBeenCalledWith({ language: 'en' });
  });

  it('turns an AppError into its code and anything else into INTERNAL without leaking the message', async () => {
    const handlers = fakeHandlers();
    handlers['settings:get'].mockRejectedValueOnce(new AppError('STORAGE_ERROR', 'disk full', ['settings.json']));
    handlers['app:info'].mockRejectedValueOnce(new Error('secret path /home/x/key.pem'));
    const logged: string[] = [];
    const dispatch = createDispatcher(handlers, (line) => logged.push(line));
    expect(await dispatch('settings:get', {})).toEqual({ ok: false, error: { code: 'STORAGE_ERROR', details: ['settings.json'] } });
    expect(await dispatch('app:info', {})).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveLength(1);
  });
});
