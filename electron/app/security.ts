// !!! Security-relevant. Read Electron's security checklist before changing anything here. !!!
import type { Session, WebContents } from 'electron';
import { isAllowedRendererRequest, isSafeExternalUrl } from './url-policy';

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

export interface HardeningOptions {
  /** False in packaged builds (and in development unless asked for): DevTools are closed as soon as they open. */
  devTools: boolean;
}

/**
 * Locks down one webContents: no navigation or redirects away from the loaded page, no new
 * windows (https links go to the system browser after parsing), no webviews, DevTools only when allowed.
 */
export function hardenWebContents(contents: WebContents, opener: ExternalOpener, options: HardeningOptions = { devTools: false }): void {
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
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

/** The part of Electron's `app` this needs: its `web-contents-created` event. */
export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown;
}

/**
 * Hardens every webContents the app ever creates (windows, devtools, popups that slip through, future
 * windows), not only the main window. Must be attached before the first window is created.
 */
export function hardenEveryWebContents(app: WebContentsSource, opener: ExternalOpener, options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, opener, options));
}

/** DevTools: never in a packaged build; in development only with `--devtools` or KSEF_DESK_DEVTOOLS=1. */
export function devToolsAllowed(input: { isPackaged: boolean; argv: readonly string[]; env: Record<string, string | undefined> }): boolean {
  if (input.isPackaged) return false;
  return input.argv.includes('--devtools') || input.env.KSEF_DESK_DEVTOOLS === '1';
}
