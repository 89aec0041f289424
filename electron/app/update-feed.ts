// Thin adapter: electron-updater behind the plain UpdateFeed the update service decides with.
import type { App } from 'electron';
import electronUpdater from 'electron-updater';
import type { UpdateFeed } from '../services/updates/update-service';

/**
 * electron-updater reads the feed (GitHub Releases or a generic URL) from app-update.yml, which
 * electron-builder writes into packaged builds from electron-builder.yml's `publish`. Development runs and
 * KSEF_DESK_UPDATES=off get no feed, so the service stays 'disabled'.
 */
export function createElectronUpdateFeed(app: App, log: (line: string) => void): UpdateFeed | null {
  if (!app.isPackaged || process.env.KSEF_DESK_UPDATES === 'off') return null;
  const { autoUpdater } = electronUpdater;
  // The service decides when to download and when to install; electron-updater only does it.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  const write = (message: unknown) => log(`updates: ${String(message)}`);
  autoUpdater.logger = { info: write, warn: write, error: write };
  return {
    check: async () => {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    download: async () => {
      await autoUpdater.downloadUpdate();
    },
    install: () => autoUpdater.quitAndInstall(false, true),
  };
}
