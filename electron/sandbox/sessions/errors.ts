import { badRequest, type KsefApiError } from '../server/errors';

/** The 400 exception codes the session endpoints answer with (descriptions: server/exception-codes.ts). */
export type SessionErrorCode = 21155 | 21157 | 21161 | 21164 | 21166 | 21167 | 21173 | 21178 | 21180 | 21205 | 21208 | 21402 | 21403 | 21405;

export function sessionError(code: SessionErrorCode, ...details: string[]): KsefApiError {
  return badRequest(code, ...details);
}

export function sessionNotFound(referenceNumber: string): KsefApiError {
  return sessionError(21173, `Sesja o numerze referencyjnym ${referenceNumber} nie została znaleziona.`);
}
