import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock';
import type { ErrorFormat } from './error-response';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** What a handler sees of one request. `path` and `routeTemplate` are relative to the `/v2` prefix. */
export interface RequestContext {
  readonly method: HttpMethod;
  readonly path: string;
  readonly routeTemplate: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly clientIp: string;
  readonly clock: Clock;
  readonly errorFormat: ErrorFormat;
  /** Absolute base of the API as clients reach it, e.g. http://127.0.0.1:PORT/v2 (for URLs returned in bodies). */
  readonly baseUrl: string;
  header(name: string): string | undefined;
  /** All values of a repeated query parameter (`?statuses=A&statuses=B`). */
  queryAll(name: string): string[];
}

export interface HandlerResponse {
  status: number;
  json?: unknown;
  body?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RequestContext) => Promise<HandlerResponse> | HandlerResponse;

export interface RouteOptions {
  /** Request body cap in bytes; default 10 MB. */
  maxBodyBytes?: number;
}

export interface Route {
  method: HttpMethod;
  template: string;
  segments: string[];
  handler: RouteHandler;
  options: RouteOptions;
}

export type RouteMatch = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'method-not-allowed' } | { kind: 'not-found' };

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Literal segments beat parameters position by position, so `/auth/sessions` wins over `/auth/{referenceNumber}`. */
function specificity(route: Route): string {
  return route.segments.map((s) => (isParam(s) ? '0' : '1')).join('');
}

/**
 * Handles a presigned URL outside `/v2` (batch part upload, UPO download …): no Bearer, no rate limit, no faults,
 * exactly as KSeF's storage URLs behave. Returns false when the path is not its own. Errors thrown as
 * KsefApiError are rendered by the server like any other.
 */
export type PresignedHandler = (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => Promise<boolean>;

/** A minimal path router: templates use the spec's `{name}` syntax. */
export class Router {
  private readonly routes: Route[] = [];
  private readonly presigned: PresignedHandler[] = [];

  /** Registers a handler for presigned URLs outside `/v2`; tried in registration order before everything else. */
  presignedHandler(handler: PresignedHandler): void {
    this.presigned.push(handler);
  }

  presignedHandlers(): readonly PresignedHandler[] {
    return this.presigned;
  }

  add(method: HttpMethod, template: string, handler: RouteHandler, options: RouteOptions = {}): void {
    const segments = splitPath(template);
    if (this.routes.some((r) => r.method === method && r.segments.join('/') === segments.join('/'))) {
      throw new Error(`route registered twice: ${method} ${template}`);
    }
    this.routes.push({ method, template, segments, handler, options });
  }

  get(template: string, handler: RouteHandler, options?: RouteOptions): void {
    this.add('GET', template, handler, options);
  }
  post(template: string, handler: RouteHandler, options?: RouteOptions): void {
    this.add('POST', template, handler, options);
  }
  put(template: string, handler: RouteHandler, options?: RouteOptions): void {
    this.add('PUT', template, handler, options);
  }
  delete(template: string, handler: RouteHandler, options?: RouteOptions): void {
    this.add('DELETE', template, handler, options);
  }

  list(): readonly Route[] {
    return this.routes;
  }

  match(method: string, path: string): RouteMatch {
    const parts = splitPath(path);
    const candidates: { route: Route; params: Record<string, string> }[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (params) candidates.push({ route, params });
    }
    const sameMethod = candidates.filter((c) => c.route.method === method);
    if (sameMethod.length === 0) return candidates.length ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
    sameMethod.sort((a, b) => specificity(b.route).localeCompare(specificity(a.route)));
    const best = sameMethod[0]!;
    return { kind: 'found', route: best.route, params: best.params };
  }
}

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
  if (template.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const p = parts[i]!;
    if (isParam(t)) {
      try {
        params[t.slice(1, -1)] = decodeURIComponent(p);
      } catch {
        return undefined;
      }
    } else if (t !== p) {
      return undefined;
    }
  }
  return params;
}

export function json(status: number, value: unknown, headers?: Record<string, string>): HandlerResponse {
  return { status, json: value, ...(headers ? { headers } : {}) };
}

export function noContent(): HandlerResponse {
  return { status: 204 };
}
