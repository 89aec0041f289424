/**
 * zod validators for FA(3) simple types. Each mirrors the XSD facet it guards (named in the comment), so a
 * model that passes `invoiceSchema` produces schema-valid XML.
 */
import { z } from 'zod';
import { isCountryCode, isCurrencyCode, isEuCountryCode } from './code-lists';

/**
 * Characters XML 1.0 cannot carry (C0 controls except tab/LF/CR) plus those KSeF refuses (PROTOCOL.md §8:
 * #x7F–#x84, #x86–#x9F, #xFDD0–#xFDEF and the last two code points of every plane).
 */
const FORBIDDEN_CHARACTERS = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${Array.from(
    { length: 16 },
    (_, plane) => `\\u{${(plane + 1).toString(16)}FFFE}\\u{${(plane + 1).toString(16)}FFFF}`,
  ).join('')}]`,
  'u',
);
/** True when the text holds a character FA(3) XML cannot carry or KSeF refuses. */
export function hasXmlForbiddenCharacters(value: string): boolean {
  return FORBIDDEN_CHARACTERS.test(value);
}

/** xsd:token length: whitespace collapsed before counting. */
function collapsedLength(value: string): number {
  return value.replace(/[\t\n\r ]+/g, ' ').trim().length;
}

/** TZnakowy-like token with 1..max characters after whitespace collapsing. */
export const token = (max: number, min = 1) =>
  z
    .string()
    .refine((value) => {
      const length = collapsedLength(value);
      return length >= min && length <= max;
    }, `Expected ${min}–${max} characters`)
    .refine((value) => !hasXmlForbiddenCharacters(value), 'Contains control characters');

/** xsd:string with length bounds (no whitespace collapsing). */
export const plainString = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !hasXmlForbiddenCharacters(value), 'Contains control characters');

export const text256 = token(256);
export const text512 = token(512);
export const text50 = token(50);
export const text20 = token(20);

/** TKwotowy: up to 16 integer and 2 fraction digits. */
export const amount = z.string().regex(/^-?([1-9]\d{0,15}|0)(\.\d{1,2})?$/, 'Expected an amount with at most 2 decimals');
/** TKwotowy2 (unit prices): up to 14 integer and 8 fraction digits. */
export const price = z.string().regex(/^-?([1-9]\d{0,13}|0)(\.\d{1,8})?$/, 'Expected a price with at most 8 decimals');
/** TIlosci (quantities, exchange rates): up to 16 integer and 6 fraction digits. */
export const quantity = z.string().regex(/^-?([1-9]\d{0,15}|0)(\.\d{1,6})?$/, 'Expected a number with at most 6 decimals');
/** TProcentowy: 0..100 with at most 6 decimals. */
export const percent = z
  .string()
  .regex(/^(\d{1,3})(\.\d{1,6})?$/, 'Expected a percentage')
  .refine((value) => Number.parseFloat(value) <= 100, 'A percentage cannot exceed 100');
/** TNaturalny: positive integer (xsd:nonNegativeInteger, > 0, at most 14 digits). */
export const naturalNumber = z.number().int().positive().max(99_999_999_999_999);

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateBetween = (min: string, max: string) =>
  z
    .string()
    .refine(isCalendarDate, 'Expected a date YYYY-MM-DD')
    .refine((value) => value >= min && value <= max, `Expected a date between ${min} and ${max}`);

/** TDataT: invoice dates 2006-01-01..2050-01-01. */
export const invoiceDate = dateBetween('2006-01-01', '2050-01-01');
/** TData: payment dates 2016-07-01..2050-01-01. */
export const paymentDate = dateBetween('2016-07-01', '2050-01-01');

/** DataWytworzeniaFa: xsd:dateTime 2025-09-01T00:00:00Z..2050-01-01T23:59:59Z. */
export const creationDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'Expected a date-time like 2026-02-01T10:00:00Z')
  .refine((value) => {
    const time = Date.parse(value);
    return time >= Date.parse('2025-09-01T00:00:00Z') && time <= Date.parse('2050-01-01T23:59:59Z');
  }, 'Expected a date-time between 2025-09-01 and 2050-01-01');

/** etd:TNrNIP (format only; the checksum is a business rule). */
export const nip = z.string().regex(/^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/, 'Expected a 10-digit NIP');
/** TNIPIdWew. */
export const internalId = z.string().regex(/^[1-9]((\d[1-9])|([1-9]\d))\d{7}-\d{5}$/, 'Expected NIP-12345');
/** TNrVatUE (without the country prefix). */
export const euVatNumber = z.string().regex(/^(\d|[A-Z]|\+|\*){1,12}$/, 'Expected up to 12 letters/digits');
/** etd:TNrIdentyfikacjiPodatkowej (whitespace replaced, 1..50). */
export const foreignTaxId = plainString(1, 50);
/** TNumerKSeF. */
export const ksefNumber = z
  .string()
  .regex(
    /^([1-9]((\d[1-9])|([1-9]\d))\d{7}|M\d{9}|[A-Z]{3}\d{7})-(20[2-9][0-9]|2[1-9][0-9]{2}|[3-9][0-9]{3})(0[1-9]|1[0-2])(0[1-9]|[1-2][0-9]|3[0-1])-([0-9A-F]{6})-?([0-9A-F]{6})-([0-9A-F]{2})$/,
    'Expected a KSeF number',
  );

export const countryCode = z.string().refine(isCountryCode, 'Unknown country code');
export const euCountryCode = z.string().refine(isEuCountryCode, 'Not an EU country code');
export const currencyCode = z.string().refine(isCurrencyCode, 'Unknown currency code');

/** etd:TAdresEmail. */
export const email = token(255, 3).refine((value) => /.+@.+/.test(value), 'Expected an e-mail address');
/** TNumerTelefonu. */
export const phone = token(16);
/** TNrRB: account number, 10..34 characters. */
export const bankAccountNumber = plainString(10, 34);
export const swift = z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'Expected a SWIFT/BIC code');
/** LinkDoPlatnosci: an http(s) link carrying the IPKSeF parameter. */
export const paymentLink = token(512).refine(
  (value) =>
    /^(https?):\/\/([a-zA-Z0-9][a-zA-Z0-9-]*\.)+[a-zA-Z]{2,}(:[0-9]{1,5})?(\/[^\s?#]*)?\?([^#\s]*&)?IPKSeF=[0-9]{3}[a-zA-Z0-9]{10}(&[^#\s]*)?(#.*)?$/.test(
      value,
    ),
  'Expected a payment link with the IPKSeF parameter',
);
export const ksefPaymentId = z.string().regex(/^[0-9]{3}[a-zA-Z0-9]{10}$/, 'Expected a 13-character IPKSeF');
export const krs = z.string().regex(/^\d{10}$/, 'Expected a 10-digit KRS');
export const regon = z.string().regex(/^(\d{9}|\d{14})$/, 'Expected a 9- or 14-digit REGON');
export const bdo = token(9);
export const gln = token(13);
