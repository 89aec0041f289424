/**
 * 400 exception codes of the session endpoints with the descriptions the spec's tables give them
 * (the core's description table only holds the cross-cutting ones).
 */
import { KsefApiError } from '../server/errors';

const DESCRIPTIONS = {
  21155: 'Przekroczono dozwoloną liczbę faktur w sesji.',
  21157: 'Nieprawidłowy rozmiar części pakietu.',
  21161: 'Przekroczono dozwoloną liczbę części pakietu.',
  21164: 'Faktura o podanym identyfikatorze nie istnieje.',
  21166: 'Korekta techniczna niedostępna.',
  21167: 'Status faktury nie pozwala na korektę techniczną.',
  21173: 'Brak sesji o wskazanym numerze referencyjnym.',
  21178: 'Nie znaleziono UPO dla podanych kryteriów.',
  21180: 'Status sesji nie pozwala na wykonanie operacji.',
  21205: 'Pakiet nie może być pusty.',
  21208: 'Czas oczekiwania na requesty upload lub finish został przekroczony.',
  21402: 'Nieprawidłowy rozmiar pliku.',
  21403: 'Nieprawidłowy skrót pliku.',
  21405: 'Błąd walidacji danych wejściowych.',
} as const;

export type SessionErrorCode = keyof typeof DESCRIPTIONS;

export function sessionError(code: SessionErrorCode, ...details: string[]): KsefApiError {
  return new KsefApiError({ status: 400, errors: [{ code, description: DESCRIPTIONS[code], ...(details.length ? { details } : {}) }] });
}

export function sessionNotFound(referenceNumber: string): KsefApiError {
  return sessionError(21173, `Sesja o numerze referencyjnym ${referenceNumber} nie została znaleziona.`);
}
