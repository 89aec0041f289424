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
