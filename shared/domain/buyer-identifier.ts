/** Checks of a buyer's identifier by kind: Polish NIP, EU VAT number, foreign identifier, none (consumer). */
import { NIP_VAT_UE_PATTERN } from './identifiers';
import { checkNip, normalizeNip } from './nip';

/** FA(3) TKodyKrajowUE: the member states and XI (Northern Ireland); PL buyers use a NIP instead. */
export const EU_VAT_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'EL', 'HR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'XI',
] as const;

export type BuyerIdentifierKind = 'NIP' | 'EU_VAT' | 'FOREIGN' | 'NONE';

export type BuyerIdentifierProblem = 'NIP_EMPTY' | 'NIP_FORMAT' | 'NIP_CHECKSUM' | 'EU_COUNTRY' | 'EU_VAT_FORMAT' | 'FOREIGN_EMPTY' | 'FOREIGN_FORMAT' | 'COUNTRY';

export interface BuyerIdentifierInput {
  type: BuyerIdentifierKind;
  identifier: string;
  country: string;
}

/** Any NIP with a valid format, used only to run the spec's combined `<NIP>-<EU VAT>` pattern on a VAT number. */
const CARRIER_NIP = '1111111111';
/** FA(3) TNrVatUE. */
const EU_VAT_NUMBER = /^[0-9A-Z+*]{1,12}$/;
/** FA(3) NrID is TZnakowy50. */
const MAX_FOREIGN_ID = 50;

/** The identifier as stored: NIP digits only; an EU VAT number without spaces and without its country prefix. */
export function normalizeBuyerIdentifier({ type, identifier, country }: BuyerIdentifierInput): string {
  if (type === 'NIP') return normalizeNip(identifier);
  if (type === 'EU_VAT') {
    const compact = identifier.replace(/[\s.-]/g, '').toUpperCase();
    return country && compact.startsWith(country) ? compact.slice(country.length) : compact;
  }
  if (type === 'FOREIGN') return identifier.trim();
  return '';
}

export function checkBuyerIdentifier(input: BuyerIdentifierInput): BuyerIdentifierProblem | null {
  const value = normalizeBuyerIdentifier(input);
  switch (input.type) {
    case 'NIP': {
      const check = checkNip(value);
      if (check.valid) return null;
      return check.problem === 'empty' ? 'NIP_EMPTY' : check.problem === 'format' ? 'NIP_FORMAT' : 'NIP_CHECKSUM';
    }
    case 'EU_VAT':
      if (!(EU_VAT_COUNTRIES as readonly string[]).includes(input.country)) return 'EU_COUNTRY';
      if (!EU_VAT_NUMBER.test(value) || !NIP_VAT_UE_PATTERN.test(`${CARRIER_NIP}-${input.country}${value}`)) return 'EU_VAT_FORMAT';
      return null;
    case 'FOREIGN':
      if (!/^[A-Z]{2}$/.test(input.country)) return 'COUNTRY';
      if (value.length === 0) return 'FOREIGN_EMPTY';
      return value.length > MAX_FOREIGN_ID ? 'FOREIGN_FORMAT' : null;
    case 'NONE':
      return null;
  }
}
