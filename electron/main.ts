// Electron composition root: build services, register IPC, harden, open the window. Keep it short.
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppSchemePrivileges, serveRendererOverAppProtocol } from './app/app-protocol';
import { createElectronSettingsEngine } from './app/electron-settings';
import { createMainWindow } from './app/main-window';
import { remindOfOfflineDeadlines } from './app/deadline-notifications';
import { showReceivedNotifications } from './app/received-notifications';
import { createOsKeyProtector } from './app/safe-storage';
import { devToolsAllowed, hardenEveryWebContents, hardenSession } from './app/security';
import { createElectronUpdateFeed } from './app/update-feed';
import { APP_HOST, APP_SCHEME } from './app/url-policy';
import { registerIpcHandlers } from './ipc/register';
import { EVENT_CHANNEL } from '../shared/ipc/contract';
import { createSandboxLauncher } from './services/environment/sandbox-launcher';
import { createAppCore } from './services/app/app-core';
import { resolveProfileDir } from './services/storage/profile-dir';

const distDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const profileArgument = process.argv.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length);

function startApp(profileDir: string): void {
  const devTools = devToolsAllowed({ isPackaged: app.isPackaged, argv: process.argv, env: process.env });
  // Before any window exists: every webContents (windows, popups, DevTools) gets the same hardening.
  hardenEveryWebContents(app, shell, { devTools });

  app.whenReady().then(() => {
    const log = (line: string) => console.log(line);
    const core = createAppCore({
      shell: 'electron',
      version: app.getVersion(),
      profileDir,
      settingsEngine: createElectronSettingsEngine(profileDir),
      launchSandbox: createSandboxLauncher(profileDir, log),
      osKeyProtector: createOsKeyProtector(),
      updateFeed: createElectronUpdateFeed(app, log),
      log,
    });
    hardenSession(session.defaultSession);
    serveRendererOverAppProtocol(path.join(distDir, 'renderer'));
    // Handlers first, so the renderer's first calls never meet an unregistered channel.
    registerIpcHandlers(ipcMain, core.dispatch, {
      isOwnWebContents: (id) => BrowserWindow.getAllWindows().some((w) => w.webContents.id === id),
      appProtocol: `${APP_SCHEME}:`,
      appHost: APP_HOST,
    });
    const window = createMainWindow(path.join(distDir, 'electron', 'preload.cjs'), { devTools });
    core.events.subscribe((event, payload) => {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event, payload);
    });
    showReceivedNotifications(core);
    const stopDeadlineReminders = remindOfOfflineDeadlines(core);
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('before-quit', () => {
      stopDeadlineReminders();
      void core.close();
    });
  });

  app.on('window-all-closed', () => app.quit());
}

// Before 'ready': the app:// scheme's privileges and Electron's own data folder must be set first.
registerAppSchemePrivileges();
const profileDir = resolveProfileDir(profileArgument);
app.setPath('userData', profileDir);
// A second instance only hands over to the first one: it must not build services or open the profile.
if (app.requestSingleInstanceLock()) startApp(profileDir);
else app.quit();
