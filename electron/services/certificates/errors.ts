/**
 * Typed errors of the certificate services. Every code set is closed so the IPC layer can map
 * each one to a translated message without string matching.
 */

/** Why a credential file (or a certificate + key pair) could not be imported. */
export const CREDENTIAL_ERROR_CODES = [
  'WRONG_PASSWORD',
  'PASSWORD_REQUIRED',
  'CORRUPT_FILE',
  'UNSUPPORTED_FORMAT',
  'KEY_CERT_MISMATCH',
  'NO_PRIVATE_KEY',
  'NO_CERTIFICATE',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'NO_POLISH_IDENTIFIER',
  'FILE_TOO_LARGE',
  /** KSeF's key rules (key-rules.ts): RSA < 2048, a curve KSeF does not take, another key type. */
  'KEY_NOT_ACCEPTED',
] as const;
export type CredentialErrorCode = (typeof CREDENTIAL_ERROR_CODES)[number];

/** Vault operations that fail for reasons other than the credential itself. */
export const VAULT_ERROR_CODES = [
  'ALREADY_IMPORTED',
  'DRAFT_NOT_FOUND',
  'DRAFT_EXPIRED',
  'ENTRY_NOT_FOUND',
  'INVALID_LABEL',
  'INVALID_NIP',
  'VAULT_CORRUPT',
] as const;
export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

/** Failures of encryption at rest. */
export const KEY_PROTECTION_ERROR_CODES = ['KEY_PROTECTION_UNAVAILABLE', 'WRONG_PASSPHRASE', 'CORRUPT_KEY_BLOB'] as const;
export type KeyProtectionErrorCode = (typeof KEY_PROTECTION_ERROR_CODES)[number];

export type CertificateServiceErrorCode = CredentialErrorCode | VaultErrorCode | KeyProtectionErrorCode;

/** Base class so callers can catch every certificate-service error with one instanceof check. */
export abstract class CertificateServiceError<Code extends CertificateServiceErrorCode> extends Error {
  readonly code: Code;

  protected constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export class CredentialImportError extends CertificateServiceError<CredentialErrorCode> {
  override readonly name = 'CredentialImportError';

  constructor(code: CredentialErrorCode, message: string = code, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export class VaultError extends CertificateServiceError<VaultErrorCode> {
  override readonly name = 'VaultError';

  constructor(code: VaultErrorCode, message: string = code, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export class KeyProtectionError extends CertificateServiceError<KeyProtectionErrorCode> {
  override readonly name = 'KeyProtectionError';

  constructor(code: KeyProtectionErrorCode, message: string = code, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export function isCertificateServiceError(error: unknown): error is CertificateServiceError<CertificateServiceErrorCode> {
  return error instanceof CertificateServiceError;
}
