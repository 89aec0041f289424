import { exceptionDescription } from './exception-codes';

/** One entry of a 400 error (ExceptionDetails / ApiError in the spec). */
export interface ApiErrorDetail {
  code: number;
  description: string;
  details?: string[];
}

export type ForbiddenReasonCode =
  | 'missing-permissions'
  | 'ip-not-allowed'
  | 'insufficient-resource-access'
  | 'auth-method-not-allowed'
  | 'security-service-blocked'
  | 'context-type-not-allowed';

/** Everything a handler needs to describe a failure; the server renders it in the spec's shape. */
export type KsefErrorSpec =
  | { status: 400; errors: ApiErrorDetail[] }
  | { status: 401; detail: string }
  | { status: 403; detail: string; reasonCode: ForbiddenReasonCode; security?: Record<string, unknown> }
  | { status: 404 | 405 | 413 | 415; detail: string }
  | { status: 410; detail: string }
  | { status: 429; detail: string; retryAfterSeconds: number }
  | { status: 500 | 502 | 503; detail: string };

/** Thrown by handlers; caught and rendered by the HTTP server. */
export class KsefApiError extends Error {
  constructor(readonly spec: KsefErrorSpec) {
    super(`${spec.status} ${'errors' in spec ? spec.errors.map((e) => e.code).join(',') : spec.detail}`);
    this.name = 'KsefApiError';
  }

  get status(): number {
    return this.spec.status;
  }
}

/** 400 with one exception code; the description comes from the spec's tables. */
export function badRequest(code: number, ...details: string[]): KsefApiError {
  return new KsefApiError({ status: 400, errors: [{ code, description: exceptionDescription(code), ...(details.length ? { details } : {}) }] });
}

export function unauthorized(detail = 'Wymagane jest uwierzytelnienie.'): KsefApiError {
  return new KsefApiError({ status: 401, detail });
}

export function forbidden(reasonCode: ForbiddenReasonCode, detail: string, security?: Record<string, unknown>): KsefApiError {
  return new KsefApiError({ status: 403, reasonCode, detail, ...(security ? { security } : {}) });
}

export function gone(detail: string): KsefApiError {
  return new KsefApiError({ status: 410, detail });
}

export function notFound(detail = 'Nie znaleziono zasobu.'): KsefApiError {
  return new KsefApiError({ status: 404, detail });
}

export function tooManyRequests(retryAfterSeconds: number, detail: string): KsefApiError {
  return new KsefApiError({ status: 429, retryAfterSeconds, detail });
}
