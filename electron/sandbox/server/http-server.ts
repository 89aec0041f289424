import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { normalizeClientIp } from '../auth/ip-policy';
import type { FaultInjector } from '../faults/injector';
import { rateRuleFor } from '../ratelimit/groups';
import { rateLimitKey } from '../ratelimit/key';
import type { RateLimiter } from '../ratelimit/limiter';
import type { Clock } from './clock';
import { renderError, type ErrorFormat, type RenderedResponse } from './error-response';
import { KsefApiError, tooManyRequests, type KsefErrorSpec } from './errors';
import { readBody } from './read-body';
import type { HandlerResponse, HttpMethod, RequestContext, Router } from './router';

export const API_PREFIX = '/v2';
const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

/** Handles requests outside /v2 (the loopback-only admin API); returns false when not its path. */
export type AdminHandler = (req: IncomingMessage, res: ServerResponse, path: string, clientIp: string) => Promise<boolean>;

export interface HttpServerOptions {
  router: Router;
  clock: Clock;
  limiter: RateLimiter;
  faults: FaultInjector;
  admin: AdminHandler;
  log: (line: string) => void;
  /** DNS-rebinding guard: false for a Host header this server must not answer (421). */
  allowHost: (hostHeader: string | undefined) => boolean;
  /** Called after every request that may have changed state (non-GET), so it can be persisted. */
  onMutation: () => void;
  sleep?: (ms: number) => Promise<void>;
}

function send(res: ServerResponse, rendered: RenderedResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(rendered.status, { ...rendered.headers, 'content-length': String(rendered.body.length) });
  res.end(rendered.body);
}

function renderSuccess(response: HandlerResponse): RenderedResponse {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  let body: Buffer = Buffer.alloc(0);
  if (response.json !== undefined) {
    body = Buffer.from(JSON.stringify(response.json));
    headers['content-type'] = response.contentType ?? 'application/json; charset=utf-8';
  } else if (response.body !== undefined) {
    body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, 'utf8');
    headers['content-type'] = response.contentType ?? 'application/octet-stream';
  }
  return { status: response.status, headers, body };
}

/** The sandbox HTTP pipeline: route → faults → rate limit → body → handler → spec-shaped errors. */
export function createSandboxHttpServer(options: HttpServerOptions): Server {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!options.allowHost(req.headers.host)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const clientIp = normalizeClientIp(req.socket.remoteAddress);
    const errorFormat: ErrorFormat = req.headers['x-error-format'] === 'problem-details' ? 'problem-details' : 'exception';
    const fail = (spec: KsefErrorSpec) => send(res, renderError(spec, errorFormat, url.pathname, options.clock.now()));

    for (const presigned of options.router.presignedHandlers()) {
      if (await presigned(req, res, url.pathname, url.searchParams)) {
        if (req.method !== 'GET') options.onMutation();
        return;
      }
    }
    if (await options.admin(req, res, url.pathname, clientIp)) return;
    if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) return fail({ status: 404, detail: 'Nie znaleziono zasobu.' });
    const path = url.pathname.slice(API_PREFIX.length) || '/';
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const match = options.router.match(method, path);
    if (match.kind === 'not-found') return fail({ status: 404, detail: `Nie znaleziono zasobu ${path}.` });
    if (match.kind === 'method-not-allowed') return fail({ status: 405, detail: `Metoda ${method} nie jest obsługiwana dla ${path}.` });

    const fault = options.faults.decide(path);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    switch (fault.action.kind) {
      case 'outage':
        return fail({ status: 503, detail: 'Usługa chwilowo niedostępna (sandbox: awaria symulowana).' });
      case '429storm':
        return fail(tooManyRequests(fault.action.retryAfterSeconds, 'Przekroczono limit żądań (sandbox: symulowana burza 429).').spec);
      case '5xx':
        return fail({ status: fault.action.status as 500, detail: 'Błąd serwera (sandbox: błąd symulowany).' });
      default:
        break;
    }

    const rule = rateRuleFor(method, match.route.template);
    const decision = options.limiter.check(rateLimitKey(rule, clientIp, req.headers.authorization), rule.limit);
    if (!decision.allowed) return fail(tooManyRequests(decision.retryAfterSeconds, decision.detail).spec);

    const body = await readBody(req, match.route.options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    if (fault.action.kind === 'drop') {
      // The request arrived in full; the connection dies before any answer.
      req.socket.destroy();
      return;
    }
    const ctx: RequestContext = {
      method,
      path,
      routeTemplate: match.route.template,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body,
      clientIp,
      clock: options.clock,
      errorFormat,
      baseUrl: `http://${req.headers.host ?? 'localhost'}${API_PREFIX}`,
      header: (name) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
      },
      queryAll: (name) => url.searchParams.getAll(name),
    };
    try {
      send(res, renderSuccess(await match.route.handler(ctx)));
    } finally {
      if (method !== 'GET') options.onMutation();
    }
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const format: ErrorFormat = req.headers['x-error-format'] === 'problem-details' ? 'problem-details' : 'exception';
      if (error instanceof KsefApiError) {
        if (error.status === 413) res.setHeader('connection', 'close');
        send(res, renderError(error.spec, format, req.url ?? '/', options.clock.now()));
        return;
      }
      options.log(`sandbox: ${req.method} ${req.url} failed: ${(error as Error).stack ?? String(error)}`);
      send(res, renderError({ status: 500, detail: 'Wewnętrzny błąd serwera.' }, format, req.url ?? '/', options.clock.now()));
    });
  });
}
