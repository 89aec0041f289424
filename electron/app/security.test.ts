import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { devToolsAllowed, hardenEveryWebContents, hardenSession, hardenWebContents } from './security';

/** A minimal stand-in for Electron's WebContents: records listeners so the test can fire events. */
function fakeWebContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, ...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  const fire = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, ...args);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  it('cancels every navigation, redirect and webview', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, { openExternal: vi.fn(async () => undefined) });
    for (const url of ['https://evil.example/', 'app://ksef-desk/other.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(fake.fire('will-navigate', url)).toBe(true);
      expect(fake.fire('will-redirect', url)).toBe(true);
    }
    expect(fake.fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window and hands only safe https links to the system browser', () => {
    const fake = fakeWebContents();
    const openExternal = vi.fn(async () => undefined);
    hardenWebContents(fake.contents, { openExternal });
    for (const url of ['javascript:alert(1)', 'file:///c:/windows/system32/calc.exe', 'http://evil.example/', 'https://u:p@evil.example/', 'smb://host/share']) {
      expect(fake.open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(fake.open('https://ksef.podatki.gov.pl/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://ksef.podatki.gov.pl/');
  });
});

describe('hardenSession', () => {
  it('denies permissions and blocks network requests from the renderer', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    let beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      webRequest: { onBeforeRequest: (handler: typeof beforeRequest) => (beforeRequest = handler) },
    } as unknown as Session;
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(checkHandler!()).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      beforeRequest!({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('app://ksef-desk/index.html')).toBe(false);
    expect(decide('https://api.ksef.mf.gov.pl/v2/auth/challenge')).toBe(true);
    expect(decide('http://127.0.0.1:9999/ipc/settings:get')).toBe(true);
  });
});

describe('hardening every web contents, DevTools policy', () => {
  function fakeContents() {
    const listeners = new Map<string, () => void>();
    const contents = {
      on: vi.fn((name: string, listener: () => void) => listeners.set(name, listener)),
      setWindowOpenHandler: vi.fn(),
      closeDevTools: vi.fn(),
    };
    return { contents, listeners };
  }

  it('hardens each web contents the app creates, not only the main window', () => {
    let created: ((event: unknown, contents: WebContents) => void) | undefined;
    const app = { on: (_event: 'web-contents-created', listener: typeof created) => (created = listener) };
    hardenEveryWebContents(app, { openExternal: vi.fn(async () => undefined) }, { devTools: false });
    for (let i = 0; i < 3; i++) {
      const fake = fakeContents();
      created!({}, fake.contents as unknown as WebContents);
      expect(fake.contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
      expect([...fake.listeners.keys()]).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview', 'devtools-opened']));
      fake.listeners.get('devtools-opened')!();
      expect(fake.contents.closeDevTools).toHaveBeenCalledTimes(1);
    }
  });

  it('leaves DevTools open only when allowed', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents as unknown as WebContents, { openExternal: vi.fn(async () => undefined) }, { devTools: true });
    expect(fake.listeners.has('devtools-opened')).toBe(false);
  });

  it('DevTools: never packaged; in development only with --devtools or KSEF_DESK_DEVTOOLS=1', () => {
    expect(devToolsAllowed({ isPackaged: true, argv: ['--devtools'], env: { KSEF_DESK_DEVTOOLS: '1' } })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false, argv: [], env: {} })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false, argv: ['electron', '.', '--devtools'], env: {} })).toBe(true);
    expect(devToolsAllowed({ isPackaged: false, argv: [], env: { KSEF_DESK_DEVTOOLS: '1' } })).toBe(true);
  });
});
