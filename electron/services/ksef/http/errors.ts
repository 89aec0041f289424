/**
 * Failures of a KSeF call, typed so callers (scheduler, session, IPC mapping) can decide what to do
 * without looking at raw HTTP.
 */

/** An HTTP error answer from KSeF (4xx/5xx), from ExceptionResponse or problem+json bodies. */
export class KsefApiError extends Error {
  override readonly name = 'KsefApiError';
  readonly httpStatus: number;
  /** KSeF exception codes (e.g. 21405); empty when the body carried none (401/403/429/5xx). */
  readonly exceptionCodes: number[];
  /** Human-readable descriptions and details, in body order. */
  readonly details: string[];
  readonly retryAfterSeconds?: number;
  /** 403 `reasonCode` (missing-permissions, ip-not-allowed, …). */
  readonly reasonCode?: string;

  constructor(init: { httpStatus: number; exceptionCodes?: number[]; details?: string[]; retryAfterSeconds?: number; reasonCode?: string; message?: string }) {
    const codes = init.exceptionCodes ?? [];
    super(init.message ?? `KSeF HTTP ${init.httpStatus}${codes.length ? ` [${codes.join(', ')}]` : ''}`);
    this.httpStatus = init.httpStatus;
    this.exceptionCodes = codes;
    this.details = init.details ?? [];
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
    if (init.reasonCode !== undefined) this.reasonCode = init.reasonCode;
  }

  hasCode(code: number): boolean {
    return this.exceptionCodes.includes(code);
  }
}

/** No HTTP answer: connection refused/reset, timeout, DNS. */
export class KsefNetworkError extends Error {
  override readonly name = 'KsefNetworkError';
  constructor(
    /** Node/axios error code, e.g. ECONNRESET, ECONNREFUSED, ECONNABORTED, ETIMEDOUT. */
    readonly code: string,
    message: string,
    /** False only when the request provably never reached the server (connection refused, DNS). */
    readonly requestMayHaveReachedServer: boolean,
  ) {
    super(message);
  }
}

/** A 2xx answer whose body does not have the shape we depend on. */
export class KsefResponseFormatError extends Error {
  override readonly name = 'KsefResponseFormatError';
  constructor(
    readonly endpoint: string,
    readonly issues: string[],
  ) {
    super(`Unexpected KSeF response from ${endpoint}: ${issues.join('; ')}`);
  }
}

/** The client itself refused to wait longer for a rate-limit slot or a Retry-After. */
export class KsefRateLimitError extends Error {
  override readonly name = 'KsefRateLimitError';
  constructor(
    readonly endpoint: string,
    readonly retryAfterSeconds: number,
    /** True when KSeF answered 429; false when the local limiter would have had to wait too long. */
    readonly fromServer: boolean,
  ) {
    super(`Rate limit for ${endpoint}: retry after ${retryAfterSeconds}s`);
  }
}

/** Authentication operation finished with a non-200 status (415, 425, 450, 460, 470, 480, 500, 550). */
export class KsefAuthError extends Error {
  override readonly name = 'KsefAuthError';
  constructor(
    readonly statusCode: number,
    readonly description: string,
    readonly details: string[],
    readonly referenceNumber: string,
  ) {
    super(`KSeF authentication failed (${statusCode}): ${description}${details.length ? ` — ${details.join('; ')}` : ''}`);
  }
}

/** The session can no longer get an access token (refresh token expired or revoked); sign in again. */
export class KsefSessionExpiredError extends Error {
  override readonly name = 'KsefSessionExpiredError';
  constructor(
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** A long-running KSeF operation (auth, enrollment, permission grant) did not finish in time or failed. */
export class KsefOperationError extends Error {
  override readonly name = 'KsefOperationError';
  constructor(
    readonly operation: string,
    readonly referenceNumber: string,
    /** Last status code seen; 100 when it timed out while still in progress. */
    readonly statusCode: number,
    readonly description: string,
    readonly details: string[] = [],
  ) {
    super(`${operation} ${referenceNumber} ended with status ${statusCode}: ${description}`);
  }
}
