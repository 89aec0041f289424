import { isValidNip } from '../../../shared/domain/nip';
import { isValidPesel } from '../../../shared/domain/pesel';
/**
 * Polish identifiers carried in certificate subjects (PROTOCOL.md §4.2): a person's PESEL or NIP in
 * serialNumber (2.5.4.5), a seal's NIP in organizationIdentifier (2.5.4.97). KSeF matches with the regexes
 * below; we additionally validate the checksum so a typo is shown before a login fails.
 */

const PESEL_IN_SERIAL_NUMBER = /(PNOPL|PESEL).*?(\d{11})/;
const NIP_IN_SERIAL_NUMBER = /(TINPL|NIP).*?(\d{10})/;
const NIP_IN_ORGANIZATION_IDENTIFIER = /(VATPL).*?(\d{10})/;


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

// The checksum rules live in shared/domain (one implementation for UI, vault and CLI).
export { isValidNip, isValidPesel };
