import { BrowserWindow, shell } from 'electron';
import { hardenWebContents } from './security';
import { APP_ENTRY_URL } from './url-policy';
import { hardenedWebPreferences } from './window-preferences';

/** The single application window, built from the hardened preset. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'KSeF Desk',
    show: false,
    webPreferences: hardenedWebPreferences(preloadPath),
  });
  hardenWebContents(window.webContents, shell);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
