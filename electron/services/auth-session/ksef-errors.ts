import type { ErrorCode } from '../../../shared/ipc/result';
import { AppError } from '../errors/app-error';
import { KsefAuthError, toAppError as ksefToAppError } from '../ksef';
import { toAppError as certificateToAppError } from '../vault-access/certificate-errors';

/** Authentication outcomes a user can act on (PROTOCOL §4): each gets its own message. */
const AUTH_STATUS_CODES: Record<number, ErrorCode> = {
  415: 'KSEF_NO_PERMISSIONS',
  450: 'KSEF_TOKEN_REJECTED',
  460: 'KSEF_CERTIFICATE_REJECTED',
};

/** Any failure while talking to KSeF as an AppError: our own codes first, then the client's mapping. */
export function ksefFailure(error: unknown, vaultLocked = false): AppError {
  const mapped = certificateToAppError(error, { vaultLocked });
  if (mapped instanceof AppError) return mapped;
  if (error instanceof KsefAuthError) {
    const code = AUTH_STATUS_CODES[error.statusCode];
    if (code) return new AppError(code, error.message, [`auth-status:${error.statusCode}`, error.description, ...error.details]);
  }
  return ksefToAppError(error);
}

export async function withKsefErrors<T>(operation: () => Promise<T>, vaultLocked: () => boolean = () => false): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw ksefFailure(error, vaultLocked());
  }
}
