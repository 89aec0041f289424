import { describe, expect, it } from 'vitest';
import {
  KSEF_NUMBER_PATTERN,
  isValidContextIdentifier,
  isValidInternalId,
  isValidNipVatUe,
  isValidPeppolId,
  leadingNip,
} from './identifiers';

describe('identifier patterns', () => {
  it('accepts the shapes from the spec examples', () => {
    expect(isValidInternalId('5265877635-12345')).toBe(true);
    expect(isValidInternalId('5265877635-1234')).toBe(false);
    expect(isValidNipVatUe('5265877635-ATU12345678')).toBe(true);
    expect(isValidNipVatUe('5265877635-DE12345678')).toBe(false);
    expect(isValidPeppolId('PPL123456')).toBe(true);
    expect(isValidPeppolId('PPL12345')).toBe(false);
    expect(KSEF_NUMBER_PATTERN.test('5265877635-20250826-0100001AF629-AF')).toBe(true);
    expect(KSEF_NUMBER_PATTERN.test('5265877635-20250826-010000-1AF629-AF')).toBe(true);
  });

  it('checks context identifiers, optionally with the NIP checksum', () => {
    expect(isValidContextIdentifier('Nip', '5265877636')).toBe(true);
    expect(isValidContextIdentifier('Nip', '5265877636', true)).toBe(false);
    expect(isValidContextIdentifier('InternalId', '5265877635-00001', true)).toBe(true);
    expect(leadingNip('5265877635-ATU12345678')).toBe('5265877635');
    expect(leadingNip('PPL123456')).toBeUndefined();
  });
});
