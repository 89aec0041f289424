import { protocol } from 'electron';
import { readStaticFile, RENDERER_CSP } from '../ipc/static-files';
import { APP_HOST, APP_SCHEME } from './url-policy';

/** Must run before app 'ready': app:// behaves like a secure standard origin. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

/** Serves the built renderer from app://ksef-desk/, GET only, never outside the renderer folder. */
export function serveRendererOverAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': RENDERER_CSP },
    });
  });
}
