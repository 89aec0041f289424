/** Per-invoice processing failures as KSeF reports them in `SessionInvoiceStatusResponse.status`. */

/** Invoice status codes from the spec that this pipeline can produce. */
export type InvoiceRejectionCode = 415 | 430 | 450;

/** Status descriptions exactly as the KSeF spec lists them (the API answers in Polish). */
export const INVOICE_STATUS_DESCRIPTIONS = {
  100: 'Faktura przyjęta do dalszego przetwarzania',
  150: 'Trwa przetwarzanie',
  200: 'Sukces',
  405: 'Przetwarzanie anulowane z powodu błędu sesji',
  410: 'Nieprawidłowy zakres uprawnień',
  415: 'Brak możliwości wysyłania faktury z załącznikiem',
  430: 'Błąd weryfikacji pliku faktury',
  435: 'Błąd odszyfrowania pliku',
  440: 'Duplikat faktury',
  450: 'Błąd weryfikacji semantyki dokumentu faktury',
  550: 'Operacja została anulowana przez system',
} as const satisfies Record<number, string>;

export interface InvoiceRejection {
  ok: false;
  code: InvoiceRejectionCode;
  /** The spec's status description for `code`. */
  description: string;
  /** English, human-readable reasons (KSeF puts validator messages here). */
  details: string[];
}

export function rejectInvoice(code: InvoiceRejectionCode, details: string[]): InvoiceRejection {
  return { ok: false, code, description: INVOICE_STATUS_DESCRIPTIONS[code], details };
}

/** File-level problem: encoding, well-formedness, size, schema. */
export function fileVerificationError(...details: string[]): InvoiceRejection {
  return rejectInvoice(430, details);
}

/** Content-level problem in an otherwise valid document (e.g. issue date in the future). */
export function semanticError(...details: string[]): InvoiceRejection {
  return rejectInvoice(450, details);
}
