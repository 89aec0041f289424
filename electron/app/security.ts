// !!! Security-relevant. Read Electron's security checklist before changing anything here. !!!
import type { Session, WebContents } from 'electron';
import { isAllowedRendererRequest, isSafeExternalUrl } from './url-policy';

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/**
 * Locks down one webContents: no navigation or redirects away from the loaded page, no new
 * windows (https links go to the system browser after parsing), no webviews.
 */
export function hardenWebContents(contents: WebContents, opener: ExternalOpener): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void opener.openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission (camera, notifications, ...) and every request that leaves app://. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRendererRequest(details.url) });
  });
}
