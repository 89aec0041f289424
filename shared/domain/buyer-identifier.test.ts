import { describe, expect, it } from 'vitest';
import { checkBuyerIdentifier, normalizeBuyerIdentifier } from './buyer-identifier';

describe('buyer identifiers', () => {
  it('checks a Polish NIP with its check digit, as typed', () => {
    expect(checkBuyerIdentifier({ type: 'NIP', identifier: 'PL 526-587-76-35', country: '' })).toBeNull();
    expect(checkBuyerIdentifier({ type: 'NIP', identifier: '5265877636', country: '' })).toBe('NIP_CHECKSUM');
    expect(checkBuyerIdentifier({ type: 'NIP', identifier: '52658', country: '' })).toBe('NIP_FORMAT');
    expect(checkBuyerIdentifier({ type: 'NIP', identifier: ' ', country: '' })).toBe('NIP_EMPTY');
  });

  it('checks an EU VAT number against its member state, with or without the prefix', () => {
    expect(checkBuyerIdentifier({ type: 'EU_VAT', identifier: 'DE123456789', country: 'DE' })).toBeNull();
    expect(normalizeBuyerIdentifier({ type: 'EU_VAT', identifier: 'de 123 456 789', country: 'DE' })).toBe('123456789');
    expect(checkBuyerIdentifier({ type: 'EU_VAT', identifier: 'U12345678', country: 'AT' })).toBeNull();
    expect(checkBuyerIdentifier({ type: 'EU_VAT', identifier: '12345678', country: 'AT' })).toBe('EU_VAT_FORMAT');
    expect(checkBuyerIdentifier({ type: 'EU_VAT', identifier: '12345', country: 'DE' })).toBe('EU_VAT_FORMAT');
    expect(checkBuyerIdentifier({ type: 'EU_VAT', identifier: '123456789', country: 'US' })).toBe('EU_COUNTRY');
    expect(checkBuyerIdentifier({ type: 'EU_VAT', identifier: '5265877635', country: 'PL' })).toBe('EU_COUNTRY');
  });

  it('needs a country and a value for a foreign identifier; nothing for a consumer', () => {
    expect(checkBuyerIdentifier({ type: 'FOREIGN', identifier: '12-3456789', country: 'US' })).toBeNull();
    expect(checkBuyerIdentifier({ type: 'FOREIGN', identifier: '12-3456789', country: '' })).toBe('COUNTRY');
    expect(checkBuyerIdentifier({ type: 'FOREIGN', identifier: '', country: 'US' })).toBe('FOREIGN_EMPTY');
    expect(checkBuyerIdentifier({ type: 'FOREIGN', identifier: 'x'.repeat(51), country: 'US' })).toBe('FOREIGN_FORMAT');
    expect(checkBuyerIdentifier({ type: 'NONE', identifier: 'whatever', country: '' })).toBeNull();
  });
});
