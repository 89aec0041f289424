import { describe, expect, it } from 'vitest';
import { checkNip, hasNipFormat, isValidNip, nipCheckDigit, normalizeNip } from './nip';

describe('NIP', () => {
  it('accepts NIPs used in official KSeF samples (valid checksums)', () => {
    for (const nip of ['5265877635', '7352765225', '1111111111', '3861610227', '9795075130']) {
      expect(isValidNip(nip), nip).toBe(true);
    }
  });

  it('normalizes separators and the PL prefix', () => {
    expect(normalizeNip(' PL 526-587-76-35 ')).toBe('5265877635');
    expect(normalizeNip('526.587.76.35')).toBe('5265877635');
  });

  it('reports why a NIP is invalid', () => {
    expect(checkNip('')).toEqual({ valid: false, problem: 'empty' });
    expect(checkNip('0265877635')).toEqual({ valid: false, problem: 'format' });
    expect(checkNip('5005877635')).toEqual({ valid: false, problem: 'format' });
    expect(checkNip('526587763')).toEqual({ valid: false, problem: 'format' });
    expect(checkNip('5265877636')).toEqual({ valid: false, problem: 'checksum' });
    expect(checkNip('5265877635')).toEqual({ valid: true, nip: '5265877635' });
  });

  it('has no check digit when the weighted sum mod 11 is 10', () => {
    // 1,2,3,... weighted: 6+10+21+8+15+24+35+48+63 = 230, 230 mod 11 = 10
    expect(nipCheckDigit('123456789')).toBeUndefined();
    expect(nipCheckDigit('526587763')).toBe(5);
  });

  it('separates format from checksum (TEST accepts bad checksums)', () => {
    expect(hasNipFormat('5265877636')).toBe(true);
    expect(isValidNip('5265877636')).toBe(false);
  });
});
