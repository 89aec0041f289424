import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from './window-preferences';

describe('hardenedWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(hardenedWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('DevTools in the window preset', () => {
  it('are off unless the caller allows them (development with a flag)', () => {
    expect(hardenedWebPreferences('/p.cjs').devTools).toBe(false);
    expect(hardenedWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});
