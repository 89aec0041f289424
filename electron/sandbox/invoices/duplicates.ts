/** KSeF's global duplicate key: (Podmiot1 NIP, RodzajFaktury, P_2), kept 10 full years after the issue year. */
import type { Fa3InvoiceKind, InvoiceFacts } from './facts-types';

export interface DuplicateKeyParts {
  sellerNip: string;
  kind: Fa3InvoiceKind;
  invoiceNumber: string;
}

/**
 * Stable string key; the unit separator cannot occur in XML text, so the parts cannot collide.
 * P_2 is an `xsd:token`, so whitespace is collapsed the way a schema-aware reader sees it.
 */
export function duplicateKey(parts: DuplicateKeyParts): string {
  const invoiceNumber = parts.invoiceNumber.replace(/[\t\n\r ]+/g, ' ').trim();
  return [parts.sellerNip, parts.kind, invoiceNumber].join('\u001f');
}

export function duplicateKeyOf(facts: Pick<InvoiceFacts, 'seller' | 'kind' | 'invoiceNumber'>): string {
  return duplicateKey({ sellerNip: facts.seller.nip, kind: facts.kind, invoiceNumber: facts.invoiceNumber });
}

/** Last calendar year in which the key still blocks a resend: issue year + 10 (guarded until 31 Dec of that year). */
export function duplicateGuardLastYear(issueDate: string): number {
  return Number(issueDate.slice(0, 4)) + 10;
}

/** Detail text matching the spec's 440 example, for `status.details`. */
export function duplicateDetail(originalKsefNumber: string, originalSessionReferenceNumber: string): string {
  return `Duplikat faktury. Faktura o numerze KSeF: ${originalKsefNumber} została już prawidłowo przesłana do systemu w sesji: ${originalSessionReferenceNumber}`;
}
