/** Session and invoice status codes with the descriptions from the spec's status tables. */
import { INVOICE_STATUS_DESCRIPTIONS } from '../invoices/rejection';
import type { SessionType, StatusRecord } from './types';

const ONLINE: Record<number, string> = {
  100: 'Sesja interaktywna otwarta',
  170: 'Sesja interaktywna zamknięta',
  200: 'Sesja interaktywna przetworzona pomyślnie',
  415: 'Błąd odszyfrowania dostarczonego klucza',
  440: 'Sesja anulowana',
  445: 'Błąd weryfikacji, brak poprawnych faktur',
};

const BATCH: Record<number, string> = {
  100: 'Sesja wsadowa rozpoczęta',
  150: 'Trwa przetwarzanie',
  200: 'Sesja wsadowa przetworzona pomyślnie',
  405: 'Błąd weryfikacji poprawności dostarczonych elementów paczki',
  415: 'Błąd odszyfrowania dostarczonego klucza',
  420: 'Przekroczony limit faktur w sesji',
  430: 'Błąd dekompresji pierwotnego archiwum',
  435: 'Błąd odszyfrowania zaszyfrowanych części archiwum',
  440: 'Sesja anulowana',
  445: 'Błąd weryfikacji, brak poprawnych faktur',
};

export function sessionStatus(type: SessionType, code: number, ...details: string[]): StatusRecord {
  const description = (type === 'Online' ? ONLINE : BATCH)[code] ?? `Nieznany błąd (${code})`;
  return { code, description, ...(details.length ? { details } : {}) };
}

export const NO_INVOICES_SENT = 'Nie przesłano faktur';
export const UPLOAD_TIME_EXCEEDED = 'Przekroczono czas wysyłki';

type InvoiceStatusCode = keyof typeof INVOICE_STATUS_DESCRIPTIONS;

export function invoiceStatus(code: InvoiceStatusCode, details?: string[], extensions?: Record<string, string>): StatusRecord {
  return {
    code,
    description: INVOICE_STATUS_DESCRIPTIONS[code],
    ...(details && details.length ? { details } : {}),
    ...(extensions ? { extensions } : {}),
  };
}

/** Still moving: open, closed-and-processing, or processing. */
export function isInProgress(code: number): boolean {
  return code === 100 || code === 150 || code === 170;
}

/** `CommonSessionStatus` filter of `GET /sessions`. */
export type CommonSessionStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Cancelled';

export function commonStatusOf(code: number): CommonSessionStatus {
  if (isInProgress(code)) return 'InProgress';
  if (code === 200) return 'Succeeded';
  if (code === 440) return 'Cancelled';
  return 'Failed';
}

export function isInvoiceFailed(code: number): boolean {
  return code !== 100 && code !== 150 && code !== 200;
}
