import { KsefApiError } from '../server/errors';

/**
 * ExceptionDescription texts of the credential endpoints (spec 400 tables). The core's table in
 * server/exception-codes.ts does not carry them, so these modules build their 400s here.
 */
const CREDENTIAL_DESCRIPTIONS: Record<number, string> = {
  25001: 'Brak możliwości pobrania danych do CSR dla wykorzystanego sposobu uwierzytelnienia.',
  25002: 'Brak możliwości złożenia wniosku certyfikacyjnego dla wykorzystanego sposobu uwierzytelnienia.',
  25003: 'Dane w CSR nie zgadzają się z danymi w użytym wektorze uwierzytelniającym.',
  25004: 'Niepoprawny format CSR lub niepoprawny podpis CSR.',
  25005: 'Wniosek certyfikacyjny o podanym numerze referencyjnym nie istnieje.',
  25006: 'Osiągnięto limit możliwych do złożenia wniosków certyfikacyjnych.',
  25007: 'Osiągnięto limit dopuszczalnej liczby posiadanych certyfikatów.',
  25008: 'Certyfikat o podanym numerze seryjnym nie istnieje.',
  25009: 'Nie można odwołać wskazanego certyfikatu, ponieważ jest już odwołany, zablokowany lub nieważny.',
  25010: 'Nieprawidłowy typ lub długość klucza.',
  25011: 'Nieprawidłowy algorytm podpisu CSR.',
  26001: 'Nie można nadać tokenowi uprawnień których nie posiadasz.',
  26002: 'Nie można wygenerować tokena dla obecnego typu kontekstu.',
};

export type CredentialExceptionCode = 25001 | 25002 | 25003 | 25004 | 25005 | 25006 | 25007 | 25008 | 25009 | 25010 | 25011 | 26001 | 26002;

export function credentialError(code: CredentialExceptionCode, ...details: string[]): KsefApiError {
  return new KsefApiError({
    status: 400,
    errors: [{ code, description: CREDENTIAL_DESCRIPTIONS[code] ?? 'Błąd przetwarzania żądania.', ...(details.length ? { details } : {}) }],
  });
}
