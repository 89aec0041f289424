/**
 * Polish identifiers carried in certificate subjects (PROTOCOL.md §4.2): a person's PESEL or NIP in
 * serialNumber (2.5.4.5), a seal's NIP in organizationIdentifier (2.5.4.97). KSeF matches with the regexes
 * below; we additionally validate the checksum so a typo is shown before a login fails.
 */

const PESEL_IN_SERIAL_NUMBER = /(PNOPL|PESEL).*?(\d{11})/;
const NIP_IN_SERIAL_NUMBER = /(TINPL|NIP).*?(\d{10})/;
const NIP_IN_ORGANIZATION_IDENTIFIER = /(VATPL).*?(\d{10})/;

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

export type PolishIdentifierKind = 'NIP' | 'PESEL';
export type IdentifierAttribute = 'serialNumber' | 'organizationIdentifier';

export interface FoundIdentifier {
  kind: PolishIdentifierKind;
  value: string;
  attribute: IdentifierAttribute;
  checksumValid: boolean;
}

export interface PolishIdentifiers {
  /** Checksum-valid NIP, if any. */
  nip?: string;
  /** Checksum-valid PESEL, if any. */
  pesel?: string;
  /** Everything the KSeF regexes matched, including values with a bad checksum. */
  found: FoundIdentifier[];
}

function digitsOf(value: string): number[] {
  return [...value].map((char) => Number(char));
}

export function isValidNip(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = digitsOf(value);
  const sum = NIP_WEIGHTS.reduce((acc, weight, index) => acc + weight * (digits[index] ?? 0), 0);
  const check = sum % 11;
  return check !== 10 && check === digits[9];
}

export function isValidPesel(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = digitsOf(value);
  const sum = PESEL_WEIGHTS.reduce((acc, weight, index) => acc + weight * (digits[index] ?? 0), 0);
  return (10 - (sum % 10)) % 10 === digits[10];
}

function matchIdentifier(
  values: readonly string[],
  pattern: RegExp,
  kind: PolishIdentifierKind,
  attribute: IdentifierAttribute,
): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const text of values) {
    const digits = pattern.exec(text)?.[2];
    if (digits === undefined) continue;
    const checksumValid = kind === 'NIP' ? isValidNip(digits) : isValidPesel(digits);
    found.push({ kind, value: digits, attribute, checksumValid });
  }
  return found;
}

/** Extracts NIP/PESEL from the subject's serialNumber and organizationIdentifier values. */
export function extractPolishIdentifiers(
  serialNumbers: readonly string[],
  organizationIdentifiers: readonly string[],
): PolishIdentifiers {
  const found = [
    ...matchIdentifier(serialNumbers, PESEL_IN_SERIAL_NUMBER, 'PESEL', 'serialNumber'),
    ...matchIdentifier(serialNumbers, NIP_IN_SERIAL_NUMBER, 'NIP', 'serialNumber'),
    ...matchIdentifier(organizationIdentifiers, NIP_IN_ORGANIZATION_IDENTIFIER, 'NIP', 'organizationIdentifier'),
  ];
  const validPesel = found.find((item) => item.kind === 'PESEL' && item.checksumValid);
  const validNip = found.find((item) => item.kind === 'NIP' && item.checksumValid);
  return {
    ...(validNip ? { nip: validNip.value } : {}),
    ...(validPesel ? { pesel: validPesel.value } : {}),
    found,
  };
}
