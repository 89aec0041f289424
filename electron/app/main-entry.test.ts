import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** main.ts against a fake Electron: what it does at import time, with and without the single-instance lock. */
const fake = vi.hoisted(() => {
  const listeners = new Map<string, unknown[]>();
  return {
    listeners,
    lock: true,
    app: {
      isPackaged: true,
      setPath: vi.fn(),
      requestSingleInstanceLock: vi.fn((): boolean => fake.lock),
      quit: vi.fn(),
      whenReady: vi.fn(() => new Promise<void>(() => undefined)), // never ready: nothing past start-up runs
      getVersion: () => '1.0.0',
      on: vi.fn((event: string, listener: unknown) => listeners.set(event, [...(listeners.get(event) ?? []), listener])),
    },
    createAppCore: vi.fn(),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: { getAllWindows: () => [] },
  ipcMain: {},
  session: {},
  shell: { openExternal: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  safeStorage: {},
}));
vi.mock('./electron-settings', () => ({ createElectronSettingsEngine: vi.fn() }));
vi.mock('./update-feed', () => ({ createElectronUpdateFeed: vi.fn() }));
vi.mock('../services/app/app-core', () => ({ createAppCore: fake.createAppCore }));

describe('electron/main.ts start-up', () => {
  beforeEach(() => {
    vi.resetModules();
    fake.listeners.clear();
    vi.clearAllMocks();
  });
  afterEach(() => vi.restoreAllMocks());

  it('a second instance quits and returns: no hardening hooks, no services, no window', async () => {
    fake.lock = false;
    await import('../main');
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect([...fake.listeners.keys()]).toEqual([]);
    expect(fake.createAppCore).not.toHaveBeenCalled();
  });

  it('the first instance attaches hardening to every web contents before it starts', async () => {
    fake.lock = true;
    await import('../main');
    expect(fake.app.quit).not.toHaveBeenCalled();
    expect(fake.app.whenReady).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get('web-contents-created')).toHaveLength(1);
  });
});
