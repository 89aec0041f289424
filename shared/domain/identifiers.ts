/** Format checks for the other KSeF identifier kinds (regexes from the KSeF OpenAPI spec, ECMAScript semantics). */
import { NIP_PATTERN, hasValidNipChecksum } from './nip';

/** `<NIP>-<5 digits>`, 16 chars (`components.schemas.InternalId`). */
export const INTERNAL_ID_PATTERN = /^[1-9]((\d[1-9])|([1-9]\d))\d{7}-\d{5}$/;

/** `<NIP>-<EU VAT number>` with the spec's per-country sub-patterns (`components.schemas.NipVatUe`). */
export const NIP_VAT_UE_PATTERN = new RegExp(
  '^[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}-(ATU\\d{8}|BE[01]{1}\\d{9}|BG\\d{9,10}|CY\\d{8}[A-Z]|CZ\\d{8,10}|DE\\d{9}|' +
    'DK\\d{8}|EE\\d{9}|EL\\d{9}|ES([A-Z]\\d{8}|\\d{8}[A-Z]|[A-Z]\\d{7}[A-Z])|FI\\d{8}|FR[A-Z0-9]{2}\\d{9}|HR\\d{11}|' +
    'HU\\d{8}|IE(\\d{7}[A-Z]{2}|\\d[A-Z0-9+*]\\d{5}[A-Z])|IT\\d{11}|LT(\\d{9}|\\d{12})|LU\\d{8}|LV\\d{11}|MT\\d{8}|' +
    'NL[A-Z0-9+*]{12}|PT\\d{9}|RO\\d{2,10}|SE\\d{12}|SI\\d{8}|SK\\d{10}|XI((\\d{9}|\\d{12})|(GD|HA)\\d{3}))$',
);

/** `P` + 2 letters + 6 digits (`components.schemas.PeppolId`). */
export const PEPPOL_ID_PATTERN = /^P[A-Z]{2}[0-9]{6}$/;

/** 35-char KSeF 2.0 number; 36-char KSeF 1.0 numbers (extra hyphen) are still accepted on input. */
export const KSEF_NUMBER_PATTERN =
  /^([1-9](\d[1-9]|[1-9]\d)\d{7})-(20[2-9][0-9]|2[1-9]\d{2}|[3-9]\d{3})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-([0-9A-F]{6})-?([0-9A-F]{6})-([0-9A-F]{2})$/;

/** 36-char session/operation reference number `YYYYMMDD-TT-HHHHHHHHHH-HHHHHHHHHH-CC`. */
export const REFERENCE_NUMBER_PATTERN = /^\d{8}-[0-9A-Z]{2}-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/;

export type ContextIdentifierType = 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';

export function isValidInternalId(value: string): boolean {
  return INTERNAL_ID_PATTERN.test(value);
}

export function isValidNipVatUe(value: string): boolean {
  return NIP_VAT_UE_PATTERN.test(value);
}

export function isValidPeppolId(value: string): boolean {
  return PEPPOL_ID_PATTERN.test(value);
}

/** The NIP a composite identifier (InternalId, NipVatUe) starts with; undefined for other shapes. */
export function leadingNip(value: string): string | undefined {
  const candidate = value.slice(0, 10);
  return NIP_PATTERN.test(candidate) && value[10] === '-' ? candidate : undefined;
}

/** Format check by context type; `checksum` additionally enforces the NIP checksum (PRD behaviour). */
export function isValidContextIdentifier(type: ContextIdentifierType, value: string, checksum = false): boolean {
  switch (type) {
    case 'Nip':
      return NIP_PATTERN.test(value) && (!checksum || hasValidNipChecksum(value));
    case 'InternalId':
      return isValidInternalId(value) && (!checksum || hasValidNipChecksum(value.slice(0, 10)));
    case 'NipVatUe':
      return isValidNipVatUe(value) && (!checksum || hasValidNipChecksum(value.slice(0, 10)));
    case 'PeppolId':
      return isValidPeppolId(value);
  }
}
