import { expectResponseMatchesSpec } from './openapi-checks';

export interface ApiResponse {
  status: number;
  headers: Headers;
  contentType: string;
  /** Parsed JSON when the body is JSON, else the text ('' when empty). */
  body: unknown;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: Buffer | string;
  bearer?: string;
  headers?: Record<string, string>;
}

/** One HTTP call to the sandbox at `baseUrl` (…/v2). */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  let body: string | Buffer | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  } else if (options.rawBody !== undefined) {
    body = options.rawBody;
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const parsed: unknown = text && contentType.includes('json') ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, contentType, body: parsed };
}

/** Calls and checks the response against the spec for `template` (the spec path, e.g. /auth/{referenceNumber}). */
export async function callChecked(baseUrl: string, method: string, path: string, template: string, options: CallOptions = {}): Promise<ApiResponse> {
  const response = await call(baseUrl, method, path, options);
  expectResponseMatchesSpec(method, template, response.status, response.body === '' ? undefined : response.body, response.contentType);
  return response;
}
