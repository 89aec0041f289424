/** KSeF invoice numbers: `NNNNNNNNNN-YYYYMMDD-HHHHHHHHHHHH-CC` (35 chars, CRC-8 over the first 32). */
import { KSEF_NUMBER_PATTERN } from '../../../shared/domain/identifiers';
import { crc8 } from '../ids/crc8';
import { warsawDateOf } from './warsaw-time';

export const KSEF_NUMBER_LENGTH = 35;

function crcHex(text: string): string {
  return crc8(text).toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Builds a KSeF number. The date part is the acceptance day in Warsaw time (documented only as "date the invoice
 * was accepted for processing"; the time zone is an assumption). `technical12Hex` is 12 hex chars chosen by KSeF.
 */
export function buildKsefNumber(sellerNip: string, acceptedAt: Date, technical12Hex: string): string {
  if (!/^\d{10}$/.test(sellerNip)) throw new Error(`Seller NIP must be 10 digits, got "${sellerNip}"`);
  if (!/^[0-9A-Fa-f]{12}$/.test(technical12Hex)) throw new Error(`Technical part must be 12 hex chars, got "${technical12Hex}"`);
  const day = warsawDateOf(acceptedAt).replace(/-/g, '');
  const data = `${sellerNip}-${day}-${technical12Hex.toUpperCase()}`;
  return `${data}-${crcHex(data)}`;
}

/** Spec pattern plus a correct CRC. 36-char KSeF 1.0 numbers pass the pattern; their CRC is checked over the hyphen-less data part. */
export function isValidKsefNumber(value: string): boolean {
  if (!KSEF_NUMBER_PATTERN.test(value)) return false;
  const data = value.slice(0, -3);
  const normalizedData = data.length === 32 ? data : `${data.slice(0, 19)}${data.slice(19).replace('-', '')}`;
  return crcHex(normalizedData) === value.slice(-2);
}
