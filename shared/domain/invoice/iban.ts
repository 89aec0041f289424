/**
 * Bank account number checks: IBAN (ISO 13616, mod 97) and the Polish NRB (26 digits = IBAN without "PL").
 */

/** Account number without spaces/hyphens, upper-cased. */
export function normalizeAccountNumber(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

function mod97(digits: string): number {
  let remainder = 0;
  for (let start = 0; start < digits.length; start += 7) {
    remainder = Number(`${remainder}${digits.slice(start, start + 7)}`) % 97;
  }
  return remainder;
}

/** True for a valid IBAN (`PL61109010140000071219812874`) or a valid Polish NRB (the same without `PL`). */
export function isValidIban(value: string): boolean {
  const compact = normalizeAccountNumber(value);
  const iban = /^\d{26}$/.test(compact) ? `PL${compact}` : compact;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith('PL') && iban.length !== 28) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

/** Groups of four for display: `PL61 1090 1014 …`. */
export function formatIban(value: string): string {
  return normalizeAccountNumber(value).replace(/(.{4})(?=.)/g, '$1 ');
}
