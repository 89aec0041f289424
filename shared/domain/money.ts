/**
 * Exact money arithmetic on decimal strings (never JS floats): values travel as strings like `1234.50`
 * and are computed with decimal.js, which has no float rounding errors at the precisions used here.
 */
import Decimal from 'decimal.js';

/** Independent Decimal constructor so global configuration elsewhere cannot change our rounding. */
const Exact = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type ExactDecimal = InstanceType<typeof Exact>;

/** Plain decimal number text: optional minus, digits, optional fraction (no exponent, no grouping). */
export const DECIMAL_TEXT_PATTERN = /^-?\d+(\.\d+)?$/;
/** FA(3) `TKwotowy`: up to 16 integer digits, up to 2 fraction digits. */
export const FA_AMOUNT_PATTERN = /^-?([1-9]\d{0,15}|0)(\.\d{1,2})?$/;

export function isDecimalText(value: string): boolean {
  return DECIMAL_TEXT_PATTERN.test(value.trim());
}

function toExact(value: string | number | bigint): ExactDecimal {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!isDecimalText(trimmed)) throw new Error(`Not a decimal amount: "${value}"`);
    return new Exact(trimmed);
  }
  if (typeof value === 'number' && !Number.isInteger(value)) throw new Error('Fractional JS numbers are not exact; pass a string');
  return new Exact(value.toString());
}

/** Fixed-point text rounded half-up (commercial rounding), e.g. `formatAmount('1234.5') === '1234.50'`. */
export function formatAmount(value: string, fractionDigits = 2): string {
  const fixed = toExact(value).toFixed(fractionDigits, Decimal.ROUND_HALF_UP);
  return fixed.startsWith('-') && /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

export function addAmounts(...values: string[]): string {
  return values.reduce((sum, value) => sum.plus(toExact(value)), new Exact(0)).toFixed();
}

export function subtractAmounts(minuend: string, subtrahend: string): string {
  return toExact(minuend).minus(toExact(subtrahend)).toFixed();
}

export function multiplyAmounts(left: string, right: string): string {
  return toExact(left).times(toExact(right)).toFixed();
}

/** `value * percent / 100`, exact (round it with `formatAmount`). */
export function percentOf(value: string, percent: string): string {
  return toExact(value).times(toExact(percent)).dividedBy(100).toFixed();
}

export function negateAmount(value: string): string {
  return toExact(value).negated().toFixed();
}

export function compareAmounts(left: string, right: string): -1 | 0 | 1 {
  const result = toExact(left).comparedTo(toExact(right));
  return result < 0 ? -1 : result > 0 ? 1 : 0;
}

export function isZeroAmount(value: string): boolean {
  return toExact(value).isZero();
}

/** Integer minor units (grosze/cents) of an amount with at most `fractionDigits` decimals. */
export function toMinorUnits(value: string, fractionDigits = 2): bigint {
  const scaled = toExact(value).times(new Exact(10).pow(fractionDigits));
  if (!scaled.isInteger()) throw new Error(`Amount "${value}" has more than ${fractionDigits} fraction digits`);
  return BigInt(scaled.toFixed(0));
}

export function fromMinorUnits(minor: bigint, fractionDigits = 2): string {
  return toExact(minor).dividedBy(new Exact(10).pow(fractionDigits)).toFixed(fractionDigits);
}

/** Display form with a space as thousands separator and a comma as decimal mark, as Polish invoices print it. */
export function formatAmountPl(value: string, fractionDigits = 2): string {
  const fixed = formatAmount(value, fractionDigits);
  const [integerPart = '0', fraction] = fixed.replace('-', '').split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${fixed.startsWith('-') ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}
