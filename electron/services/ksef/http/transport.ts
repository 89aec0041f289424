import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { KsefScheduler } from '../scheduler/scheduler';
import type { HttpMethod } from '../scheduler/endpoints';
import { systemTime, type KsefTime } from '../time';
import { KsefNetworkError, KsefResponseFormatError } from './errors';
import { parseKsefError } from './parse-error';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface KsefRequest {
  method: HttpMethod;
  /** Concrete path below the base URL, parameters already encoded: `/auth/20250101-AU-…`. */
  path: string;
  /** Spec template of `path`, e.g. `/auth/{referenceNumber}`: selects rate-limit group and idempotency. */
  template: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  bearer?: string;
  json?: unknown;
  xml?: string;
  /** Rate-limit scope (the context) for protected endpoints. */
  scope?: string;
  idempotent?: boolean;
}

export interface KsefResponse {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  bodyText: string;
}

export interface KsefTransportOptions {
  /** e.g. https://api-test.ksef.mf.gov.pl/v2 or the sandbox's http://127.0.0.1:PORT/v2 */
  baseUrl: string;
  scheduler?: KsefScheduler;
  time?: KsefTime;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number;
  userAgent?: string;
  /** Sees every attempt (diagnostics, spec checks in tests). The bearer token is left out on purpose. */
  onExchange?: (exchange: KsefExchange) => void;
}

export interface KsefExchange {
  request: Omit<KsefRequest, 'bearer'>;
  response?: KsefResponse;
  error?: unknown;
}

// The request never left this machine or never got a connection: safe to repeat any call.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Encodes one path parameter. */
export function pathParam(value: string): string {
  return encodeURIComponent(value);
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    // KSeF wants arrays as repeated names: ?statuses=A&statuses=B
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function toNetworkError(error: unknown): KsefNetworkError {
  if (error instanceof AxiosError) {
    const code = error.code ?? 'ERR_NETWORK';
    return new KsefNetworkError(code, error.message, !NOT_SENT_CODES.has(code));
  }
  return new KsefNetworkError('ERR_UNKNOWN', error instanceof Error ? error.message : String(error), true);
}

/** Parses and validates a JSON answer against `schema` (unknown fields are ignored). */
export function parseJsonResponse<T>(response: KsefResponse, schema: z.ZodType<T>, endpoint: string): T {
  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    throw new KsefResponseFormatError(endpoint, ['body is not JSON']);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new KsefResponseFormatError(endpoint, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

/** The axios-based HTTP layer: one attempt per scheduler slot; HTTP errors become KsefApiError. */
export class KsefTransport {
  readonly baseUrl: string;
  readonly scheduler: KsefScheduler;
  private readonly http: AxiosInstance;
  private readonly time: KsefTime;
  private readonly onExchange: (exchange: KsefExchange) => void;

  constructor(options: KsefTransportOptions) {
    this.onExchange = options.onExchange ?? (() => undefined);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.time = options.time ?? systemTime;
    this.scheduler = options.scheduler ?? new KsefScheduler({ time: this.time });
    this.http = axios.create({
      baseURL: this.baseUrl,
      timeout: options.timeoutMs ?? 30_000,
      maxRedirects: 0,
      responseType: 'text',
      // We parse ourselves: error bodies may be problem+json, XML or HTML.
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      headers: { accept: 'application/json', ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) },
    });
  }

  /** Sends through the scheduler; resolves for 2xx, throws KsefApiError / KsefNetworkError / KsefRateLimitError. */
  send(request: KsefRequest): Promise<KsefResponse> {
    return this.scheduler.run(
      {
        method: request.method,
        template: request.template,
        ...(request.scope !== undefined ? { scope: request.scope } : {}),
        ...(request.idempotent !== undefined ? { idempotent: request.idempotent } : {}),
      },
      () => this.observedAttempt(request),
    );
  }

  /** Sends and validates the JSON answer; unknown fields are dropped, missing ones fail loudly. */
  async sendJson<T>(request: KsefRequest, schema: z.ZodType<T>): Promise<T> {
    return parseJsonResponse(await this.send(request), schema, `${request.method} ${request.template}`);
  }

  private async observedAttempt(request: KsefRequest): Promise<KsefResponse> {
    const { bearer: _bearer, ...visible } = request;
    try {
      const response = await this.attempt(request);
      this.onExchange({ request: visible, response });
      return response;
    } catch (error) {
      this.onExchange({ request: visible, error });
      throw error;
    }
  }

  private async attempt(request: KsefRequest): Promise<KsefResponse> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
    let data: string | undefined;
    if (request.json !== undefined) {
      data = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    } else if (request.xml !== undefined) {
      data = request.xml;
      headers['content-type'] = 'application/xml';
    }
    let raw;
    try {
      raw = await this.http.request<string>({ method: request.method, url: `${request.path}${queryString(request.query)}`, headers, data });
    } catch (error) {
      throw toNetworkError(error);
    }
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw.headers)) {
      if (value !== undefined && value !== null) responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const bodyText = typeof raw.data === 'string' ? raw.data : '';
    if (raw.status >= 300) throw parseKsefError(raw.status, bodyText, responseHeaders['retry-after'], this.time.now());
    return { status: raw.status, headers: responseHeaders, contentType: responseHeaders['content-type'] ?? '', bodyText };
  }
}
