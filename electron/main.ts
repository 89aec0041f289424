// Electron composition root: build services, register IPC, harden, open the window. Keep it short.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppSchemePrivileges, serveRendererOverAppProtocol } from './app/app-protocol';
import { createElectronSettingsEngine } from './app/electron-settings';
import { createMainWindow } from './app/main-window';
import { createOsKeyProtector } from './app/safe-storage';
import { hardenSession } from './app/security';
import { APP_HOST, APP_SCHEME } from './app/url-policy';
import { registerIpcHandlers } from './ipc/register';
import { EVENT_CHANNEL } from '../shared/ipc/contract';
import { createSandboxLauncher } from './services/environment/sandbox-launcher';
import { createAppCore } from './services/app/app-core';
import { resolveProfileDir } from './services/storage/profile-dir';

const distDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const profileArgument = process.argv.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length);

// Before 'ready': the app:// scheme's privileges and Electron's own data folder must be set first.
registerAppSchemePrivileges();
const profileDir = resolveProfileDir(profileArgument);
app.setPath('userData', profileDir);
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const log = (line: string) => console.log(line);
  const core = createAppCore({
    shell: 'electron',
    version: app.getVersion(),
    profileDir,
    settingsEngine: createElectronSettingsEngine(profileDir),
    launchSandbox: createSandboxLauncher(profileDir, log),
    osKeyProtector: createOsKeyProtector(),
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
  const window = createMainWindow(path.join(distDir, 'electron', 'preload.cjs'));
  core.events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event, payload);
  });
  app.on('second-instance', () => window.focus());
  app.on('before-quit', () => void core.close());
});

app.on('window-all-closed', () => app.quit());
