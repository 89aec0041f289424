import type { ErrorCode } from '../../../shared/ipc/result';
import { isCertificateServiceError, type CertificateServiceErrorCode } from '../certificates';
import { KSEF_KEY_PROBLEMS } from '../certificates/key-rules';
import { TestCertificateInputError, type TestCertificateInputErrorCode } from '../certificates/test-certificate';
import { XadesSigningError } from '../signing/xades-sign';
import { AppError, isAppError } from '../errors/app-error';

/** Every certificate-service code has an IPC code; the compiler insists on the full table. */
const CERTIFICATE_CODES: Record<CertificateServiceErrorCode, ErrorCode> = {
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  PASSWORD_REQUIRED: 'PASSWORD_REQUIRED',
  CORRUPT_FILE: 'CORRUPT_FILE',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  KEY_CERT_MISMATCH: 'KEY_CERT_MISMATCH',
  NO_PRIVATE_KEY: 'NO_PRIVATE_KEY',
  NO_CERTIFICATE: 'NO_CERTIFICATE',
  CERT_EXPIRED: 'CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'CERT_NOT_YET_VALID',
  NO_POLISH_IDENTIFIER: 'NO_POLISH_IDENTIFIER',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  KEY_NOT_ACCEPTED: 'CERT_KEY_NOT_ACCEPTED',
  ALREADY_IMPORTED: 'ALREADY_IMPORTED',
  // The user cannot tell "not found" from "expired" and the remedy is the same: choose the file again.
  DRAFT_NOT_FOUND: 'DRAFT_EXPIRED',
  DRAFT_EXPIRED: 'DRAFT_EXPIRED',
  ENTRY_NOT_FOUND: 'NOT_FOUND',
  INVALID_LABEL: 'INVALID_INPUT',
  INVALID_NIP: 'INVALID_NIP',
  VAULT_CORRUPT: 'STORAGE_ERROR',
  KEY_PROTECTION_UNAVAILABLE: 'KEY_PROTECTION_UNAVAILABLE',
  WRONG_PASSPHRASE: 'WRONG_PASSPHRASE',
  CORRUPT_KEY_BLOB: 'STORAGE_ERROR',
};

const TEST_CERTIFICATE_CODES: Record<TestCertificateInputErrorCode, ErrorCode> = {
  INVALID_NIP: 'INVALID_NIP',
  INVALID_PESEL: 'INVALID_PESEL',
  MISSING_IDENTIFIER: 'INVALID_INPUT',
  EMPTY_NAME: 'INVALID_INPUT',
};

/** Turns the typed errors of the certificate and signing services into AppErrors (no messages leak). */
export function toAppError(error: unknown, options: { vaultLocked?: boolean } = {}): unknown {
  if (isAppError(error)) return error;
  if (isCertificateServiceError(error)) {
    if (error.code === 'KEY_PROTECTION_UNAVAILABLE' && options.vaultLocked) return new AppError('VAULT_LOCKED', error.message);
    // KEY_NOT_ACCEPTED carries which rule failed (e.g. RSA_KEY_TOO_SHORT) so the UI can say it.
    const reason = typeof error.cause === 'string' && (KSEF_KEY_PROBLEMS as readonly string[]).includes(error.cause) ? [error.cause] : [];
    return new AppError(CERTIFICATE_CODES[error.code], error.message, [error.code, ...reason]);
  }
  if (error instanceof TestCertificateInputError) return new AppError(TEST_CERTIFICATE_CODES[error.code], error.message, [error.code]);
  if (error instanceof XadesSigningError) return new AppError('CANNOT_SIGN_IN_WITH_CERTIFICATE', error.message, ['signing']);
  return error;
}

export async function withCertificateErrors<T>(operation: () => Promise<T>, vaultLocked: () => boolean = () => false): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toAppError(error, { vaultLocked: vaultLocked() });
  }
}
