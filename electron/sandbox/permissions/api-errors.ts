import { badRequest, type KsefApiError } from '../server/errors';

export type CredentialExceptionCode = 25001 | 25002 | 25003 | 25004 | 25005 | 25006 | 25007 | 25008 | 25009 | 25010 | 25011 | 26001 | 26002;

/** Descriptions come from the core table (server/exception-codes.ts). */
export function credentialError(code: CredentialExceptionCode, ...details: string[]): KsefApiError {
  return badRequest(code, ...details);
}
