/**
 * Errors cross the IPC boundary as data, never as thrown exceptions (Electron would strip everything
 * but the message). The set of codes is closed: the renderer has a translation for each one.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'CONFIRMATION_REQUIRED',
  'NOT_FOUND',
  'STORAGE_ERROR',
  'NOT_AVAILABLE_IN_ENVIRONMENT',
  'NETWORK_ERROR',
  'KSEF_UNAVAILABLE',
  'KSEF_REJECTED',
  'RATE_LIMITED',
  'UNAUTHORIZED',
  'WRONG_PASSWORD',
  'PASSWORD_REQUIRED',
  'CORRUPT_FILE',
  'UNSUPPORTED_FORMAT',
  'KEY_CERT_MISMATCH',
  'NO_PRIVATE_KEY',
  'NO_CERTIFICATE',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'FILE_TOO_LARGE',
  'ALREADY_IMPORTED',
  'KEY_PROTECTION_UNAVAILABLE',
  'WRONG_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'DRAFT_EXPIRED',
  'NOT_SIGNED_IN',
  'VAULT_LOCKED',
  'ALREADY_EXISTS',
  'INVALID_NIP',
  'INVALID_PESEL',
  'NO_POLISH_IDENTIFIER',
  'CERT_KEY_NOT_ACCEPTED',
  'CANNOT_SIGN_IN_WITH_CERTIFICATE',
  'NO_DEFAULT_CERTIFICATE',
  'KSEF_NO_PERMISSIONS',
  'KSEF_CERTIFICATE_REJECTED',
  'KSEF_TOKEN_REJECTED',
  'KSEF_CERTIFICATE_NOT_ACTIVE',
  'REQUIRES_CERTIFICATE_LOGIN',
  'KSEF_CLIENT_UNAVAILABLE',
  'INVOICE_FILE_INVALID',
  'OUTBOX_NOT_RESENDABLE',
  'UPO_NOT_AVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorPayload {
  code: ErrorCode;
  /** Short machine-oriented details (field paths, KSeF exception codes); never secrets, never stack traces. */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, details?: string[]): Result<T> {
  return details && details.length > 0 ? { ok: false, error: { code, details } } : { ok: false, error: { code } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
