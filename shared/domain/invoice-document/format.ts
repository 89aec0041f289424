/** Text forms of invoice values for people: exact decimal strings in, Polish conventions out (no floats). */

const NBSP = '\u00a0';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** "1234567.5" → "1 234 567,50" (grosze always shown); non-numbers come back unchanged. */
export function formatAmount(value: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole = '0', fraction = ''] = match;
  const decimals = fraction.length < 2 ? fraction.padEnd(2, '0') : fraction;
  return `${sign}${groupThousands(whole)},${decimals}`;
}

/** Amount with its currency code: "1 234,50 PLN". */
export function formatMoney(value: string, currency: string): string {
  return `${formatAmount(value)} ${currency}`;
}

/** Quantities, prices with more decimals, percentages and exchange rates: decimal comma, no padding. */
export function formatDecimal(value: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole = '0', fraction] = match;
  return `${sign}${groupThousands(whole)}${fraction ? `,${fraction}` : ''}`;
}

/** Unit prices: at least two decimals ("12,5" → "12,50"), more when the invoice has them. */
export function formatPrice(value: string): string {
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const fraction = match[2] ?? '';
  return fraction.length >= 2 ? formatDecimal(value) : formatAmount(value);
}

/** "2026-02-01" → "01.02.2026"; date-times keep their time ("2026-02-01T10:00:00Z" → "01.02.2026 10:00:00"). */
export function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!match) return value;
  return `${match[3]}.${match[2]}.${match[1]}${match[4] ? ` ${match[4]}` : ''}`;
}

/** IBAN / NRB in groups of four, the way banks print it. */
export function formatAccountNumber(value: string): string {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$|^\d{26}$/.test(compact)) return value;
  if (/^\d{26}$/.test(compact)) return `${compact.slice(0, 2)} ${compact.slice(2).replace(/(.{4})/g, '$1 ').trim()}`;
  return compact.replace(/(.{4})/g, '$1 ').trim();
}
