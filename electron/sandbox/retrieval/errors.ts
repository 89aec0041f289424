import { badRequest, type KsefApiError } from '../server/errors';

/** The 400 exception codes the retrieval endpoints answer with (descriptions: server/exception-codes.ts). */
export type RetrievalErrorCode = 21164 | 21165 | 21175 | 21181 | 21182 | 21183 | 21405;

export function retrievalError(code: RetrievalErrorCode, ...details: string[]): KsefApiError {
  return badRequest(code, ...details);
}

export const FROM_AFTER_HWM_DETAIL =
  'Parametr dateRange.from jest późniejszy niż PermanentStorageHwmDate przy włączonym restrictToPermanentStorageHwmDate.';
