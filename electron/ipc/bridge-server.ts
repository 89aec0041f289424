import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_IPC_PAYLOAD_BYTES } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import type { Dispatch } from './dispatch';
import type { EventBus } from './handlers';
import { readStaticFile, RENDERER_CSP } from './static-files';

export const BRIDGE_TOKEN_HEADER = 'x-ksef-desk-token';

export interface BridgeOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** Built renderer (dist/renderer); omitted in tests that only exercise the IPC part. */
  rendererDir?: string;
  host?: string;
  port?: number;
  /** Tests may fix the token; otherwise 256 random bits. */
  token?: string;
}

export interface RunningBridge {
  /** Open this in a browser: the token travels in the fragment, which is never sent over HTTP. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** Loopback only: the bridge carries the same power as the Electron preload. */
export function isLoopbackHost(host: string): boolean {
  return host === '::1' || host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The browser bridge: the IPC contract over loopback HTTP, for `npm start` without Electron and for
 * end-to-end tests. Every call needs the token; requests from other origins or host names
 * (DNS rebinding) are refused; no CORS headers are ever sent.
 */
export async function startBridgeServer(options: BridgeOptions): Promise<RunningBridge> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The bridge binds only to loopback, not ${host}`);
  const token = options.token ?? randomBytes(32).toString('hex');
  const server = createServer((request, response) => {
    handle(request, response).catch(() => sendJson(response, 500, fail('INTERNAL')));
  });
  const openStreams = new Set<ServerResponse>();
  let origin = '';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (request.headers.host !== new URL(origin).host) return sendText(response, 421, 'Misdirected request');
    if (url.pathname.startsWith('/ipc/') || url.pathname === '/events') {
      if (!hasValidToken(request, token)) return sendText(response, 401, 'Missing or wrong token');
      const requestOrigin = request.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) return sendText(response, 403, 'Foreign origin');
      if (url.pathname === '/events') return openEventStream(request, response);
      if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed');
      if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendText(response, 415, 'JSON only');
      }
      const body = await readBody(request, MAX_IPC_PAYLOAD_BYTES);
      if (body === null) return sendJson(response, 413, fail('INVALID_INPUT', ['payload too large']));
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(response, 400, fail('INVALID_INPUT', ['body is not JSON']));
      }
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      const result = await options.dispatch(channel, payload);
      return sendJson(response, result.ok || result.error.code !== 'UNKNOWN_CHANNEL' ? 200 : 404, result);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const file = options.rendererDir ? await readStaticFile(options.rendererDir, url.pathname) : null;
    if (!file) return sendText(response, 404, 'Not found');
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    openStreams.add(response);
    const unsubscribe = options.events.subscribe((event, payload) => {
      response.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    request.on('close', () => {
      unsubscribe();
      openStreams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${urlHost}:${address.port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () => closeServer(server, openStreams),
  };
}

function hasValidToken(request: IncomingMessage, token: string): boolean {
  const presented = request.headers[BRIDGE_TOKEN_HEADER];
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function closeServer(server: Server, streams: Set<ServerResponse>): Promise<void> {
  for (const stream of streams) stream.end();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
