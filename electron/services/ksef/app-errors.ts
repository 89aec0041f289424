import type { ErrorCode } from '../../../shared/ipc/result';
import { AppError } from '../errors/app-error';
import {
  KsefApiError,
  KsefAuthError,
  KsefNetworkError,
  KsefOperationError,
  KsefRateLimitError,
  KsefResponseFormatError,
  KsefSessionExpiredError,
} from './http/errors';

// Auth statuses that mean "KSeF is having trouble", not "you may not".
const SERVER_SIDE_AUTH_STATUSES = new Set([500, 550]);

function apiErrorCode(error: KsefApiError): ErrorCode {
  if (error.httpStatus === 429) return 'RATE_LIMITED';
  if (error.httpStatus === 401) return 'UNAUTHORIZED';
  if (error.httpStatus >= 500) return 'KSEF_UNAVAILABLE';
  return 'KSEF_REJECTED';
}

/**
 * Maps any failure of the KSeF client to an AppError for the IPC/CLI boundary. KSeF's own codes and
 * texts go into `details` (`http:400`, `ksef:21405`, `reason:…`, `auth-status:460`, then descriptions).
 * Tokens and keys never appear in these errors.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof KsefApiError) {
    const details = [
      `http:${error.httpStatus}`,
      ...error.exceptionCodes.map((code) => `ksef:${code}`),
      ...(error.reasonCode ? [`reason:${error.reasonCode}`] : []),
      ...(error.retryAfterSeconds !== undefined ? [`retry-after:${error.retryAfterSeconds}`] : []),
      ...error.details,
    ];
    return new AppError(apiErrorCode(error), error.message, details);
  }
  if (error instanceof KsefRateLimitError) {
    return new AppError('RATE_LIMITED', error.message, [`endpoint:${error.endpoint}`, `retry-after:${error.retryAfterSeconds}`, error.fromServer ? 'source:ksef' : 'source:client']);
  }
  if (error instanceof KsefNetworkError) return new AppError('NETWORK_ERROR', error.message, [`network:${error.code}`]);
  if (error instanceof KsefAuthError) {
    const code: ErrorCode = SERVER_SIDE_AUTH_STATUSES.has(error.statusCode) ? 'KSEF_UNAVAILABLE' : 'UNAUTHORIZED';
    return new AppError(code, error.message, [`auth-status:${error.statusCode}`, error.description, ...error.details]);
  }
  if (error instanceof KsefSessionExpiredError) return new AppError('NOT_SIGNED_IN', error.message);
  if (error instanceof KsefOperationError) {
    const code: ErrorCode = error.statusCode === 100 || error.statusCode >= 500 ? 'KSEF_UNAVAILABLE' : 'KSEF_REJECTED';
    return new AppError(code, error.message, [`operation:${error.operation}`, `status:${error.statusCode}`, error.description, ...error.details]);
  }
  if (error instanceof KsefResponseFormatError) {
    return new AppError('KSEF_UNAVAILABLE', error.message, [`unexpected-response:${error.endpoint}`, ...error.issues.slice(0, 5)]);
  }
  return new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/** Runs `operation` and rethrows any failure as an AppError. */
export async function withAppErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toAppError(error);
  }
}
