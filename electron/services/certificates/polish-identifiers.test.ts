import { describe, expect, it } from 'vitest';
import { extractPolishIdentifiers, isValidNip, isValidPesel } from './polish-identifiers';

describe('Polish identifiers', () => {
  it('validates NIP and PESEL checksums', () => {
    expect(isValidNip('5265877635')).toBe(true);
    expect(isValidNip('5265877636')).toBe(false);
    expect(isValidNip('526587763')).toBe(false);
    expect(isValidPesel('44051401359')).toBe(true);
    expect(isValidPesel('44051401358')).toBe(false);
  });

  it('reads person serialNumber in the KSeF formats', () => {
    expect(extractPolishIdentifiers(['TINPL-5265877635'], [])).toMatchObject({ nip: '5265877635' });
    expect(extractPolishIdentifiers(['NIP:5265877635'], [])).toMatchObject({ nip: '5265877635' });
    expect(extractPolishIdentifiers(['PNOPL-44051401359'], [])).toMatchObject({ pesel: '44051401359' });
    expect(extractPolishIdentifiers(['PESEL: 44051401359'], [])).toMatchObject({ pesel: '44051401359' });
  });

  it('reads a seal organizationIdentifier, not a VATPL value in serialNumber', () => {
    expect(extractPolishIdentifiers([], ['VATPL-5265877635']).nip).toBe('5265877635');
    expect(extractPolishIdentifiers(['VATPL-5265877635'], []).nip).toBeUndefined();
  });

  it('reports but does not accept values with a bad checksum', () => {
    const result = extractPolishIdentifiers(['TINPL-5265877636'], []);
    expect(result.nip).toBeUndefined();
    expect(result.found).toEqual([{ kind: 'NIP', value: '5265877636', attribute: 'serialNumber', checksumValid: false }]);
  });

  it('ignores foreign identifiers', () => {
    expect(extractPolishIdentifiers(['IDCDE-123456789'], ['VATDE-123456789'])).toEqual({ found: [] });
  });
});
