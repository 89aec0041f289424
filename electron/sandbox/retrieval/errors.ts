/** 400 errors of the retrieval endpoints, with the spec's ExceptionDescription texts (not in the core table). */
import { KsefApiError } from '../server/errors';

const DESCRIPTIONS = {
  21164: 'Faktura o podanym identyfikatorze nie istnieje.',
  21165: 'Faktura o podanym numerze KSeF nie jest jeszcze dostępna.',
  21175: 'Wynik zapytania o podanym identyfikatorze nie istnieje.',
  21181: 'Nieprawidłowe żądanie eksportu faktur.',
  21182: 'Osiągnięto limit trwających eksportów.',
  21183: 'Zakres filtrowania wykracza poza dostępny zakres danych.',
  21405: 'Błąd walidacji danych wejściowych.',
} as const;

export type RetrievalErrorCode = keyof typeof DESCRIPTIONS;

export function retrievalError(code: RetrievalErrorCode, ...details: string[]): KsefApiError {
  return new KsefApiError({ status: 400, errors: [{ code, description: DESCRIPTIONS[code], ...(details.length ? { details } : {}) }] });
}

export const FROM_AFTER_HWM_DETAIL =
  'Parametr dateRange.from jest późniejszy niż PermanentStorageHwmDate przy włączonym restrictToPermanentStorageHwmDate.';
