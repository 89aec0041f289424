/** KOD I: the invoice verification code printed on every visualised invoice (PROTOCOL.md §14). */
import { createHash } from 'node:crypto';
import type { KsefEnvironment } from '../../../../shared/domain/environments';
import { qrHostFor } from './qr-host';

export const KOD1_LABEL_OFFLINE = 'OFFLINE';

export class QrCodeInputError extends Error {
  override readonly name = 'QrCodeInputError';
}

/** SHA-256 of the exact invoice bytes, Base64URL without padding. A string is taken as its UTF-8 bytes. */
export function invoiceHashBase64Url(xml: Buffer | string): string {
  return createHash('sha256').update(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml).digest('base64url');
}

export function assertNip(nip: string, what = 'seller NIP'): string {
  if (!/^\d{10}$/.test(nip)) throw new QrCodeInputError(`The ${what} must be 10 digits, got "${nip}"`);
  return nip;
}

export function assertInvoiceHash(hash: string): string {
  // 32 bytes of SHA-256 are 43 Base64URL characters without padding.
  if (!/^[A-Za-z0-9_-]{43}$/.test(hash)) throw new QrCodeInputError('The invoice hash must be SHA-256 in Base64URL without padding');
  return hash;
}

/** P_1 "YYYY-MM-DD" → "DD-MM-YYYY" as the URL wants it. */
export function issueDateForUrl(issueDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issueDate);
  if (!match) throw new QrCodeInputError(`The issue date must be YYYY-MM-DD, got "${issueDate}"`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

export type InvoiceBytesOrHash = { xml: Buffer | string } | { invoiceHash: string };

export function hashOf(source: InvoiceBytesOrHash): string {
  return 'xml' in source ? invoiceHashBase64Url(source.xml) : assertInvoiceHash(source.invoiceHash);
}

export type Kod1Input = { environment: KsefEnvironment; sellerNip: string; issueDate: string } & InvoiceBytesOrHash;

export function kod1Url(input: Kod1Input): string {
  const host = qrHostFor(input.environment);
  return `${host}/invoice/${assertNip(input.sellerNip)}/${issueDateForUrl(input.issueDate)}/${hashOf(input)}`;
}

/** The text under KOD I: the KSeF number once known, else OFFLINE. */
export function kod1Label(ksefNumber: string | null | undefined): string {
  return ksefNumber && ksefNumber.trim() !== '' ? ksefNumber.trim() : KOD1_LABEL_OFFLINE;
}
