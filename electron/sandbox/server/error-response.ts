import { randomBytes, randomUUID } from 'node:crypto';
import { formatKsefDateTime } from './clock';
import type { KsefErrorSpec } from './errors';

export interface RenderedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type ErrorFormat = 'exception' | 'problem-details';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function json(status: number, contentType: string, value: unknown, extraHeaders: Record<string, string> = {}): RenderedResponse {
  return { status, headers: { 'content-type': `${contentType}; charset=utf-8`, ...extraHeaders }, body: Buffer.from(JSON.stringify(value)) };
}

/** Renders a KsefErrorSpec in the exact shape the spec gives for that status and error format. */
export function renderError(spec: KsefErrorSpec, format: ErrorFormat, instance: string, now: Date): RenderedResponse {
  const timestamp = formatKsefDateTime(now);
  const traceId = randomBytes(16).toString('hex');
  const title = TITLES[spec.status] ?? 'Error';
  if (spec.status === 400) {
    if (format === 'problem-details') {
      return json(400, 'application/problem+json', {
        title,
        status: 400,
        instance,
        detail: 'Żądanie jest nieprawidłowe.',
        errors: spec.errors.map((e) => ({ code: e.code, description: e.description, details: e.details ?? [] })),
        timestamp,
        traceId,
      });
    }
    return json(400, 'application/json', {
      exception: {
        exceptionDetailList: spec.errors.map((e) => ({ exceptionCode: e.code, exceptionDescription: e.description, details: e.details ?? [] })),
        referenceNumber: randomUUID(),
        serviceCode: `00-${traceId}-${randomBytes(8).toString('hex')}-00`,
        serviceCtx: 'srvSANDBOX',
        serviceName: 'ksef-sandbox',
        timestamp,
      },
    });
  }
  if (spec.status === 429) {
    const headers = { 'retry-after': String(spec.retryAfterSeconds) };
    if (format === 'problem-details') {
      return json(429, 'application/problem+json', { title, status: 429, instance, detail: spec.detail, timestamp, traceId }, headers);
    }
    return json(429, 'application/json', { status: { code: 429, description: title, details: [spec.detail] } }, headers);
  }
  if (spec.status === 403) {
    return json(403, 'application/problem+json', {
      title,
      status: 403,
      detail: spec.detail,
      instance,
      reasonCode: spec.reasonCode,
      ...(spec.security ? { security: spec.security } : {}),
      traceId,
      timestamp,
    });
  }
  return json(spec.status, 'application/problem+json', { title, status: spec.status, detail: spec.detail, instance, traceId, timestamp });
}
