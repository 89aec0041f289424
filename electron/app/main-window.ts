import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './url-policy';
import { hardenedWebPreferences } from './window-preferences';

/**
 * The single application window, built from the hardened preset. Its webContents is hardened by the
 * app-wide `web-contents-created` hook (security.ts: hardenEveryWebContents), like every other one.
 */
export function createMainWindow(preloadPath: string, options: { devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'KSeF Desk',
    show: false,
    webPreferences: hardenedWebPreferences(preloadPath, { devTools: options.devTools }),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
