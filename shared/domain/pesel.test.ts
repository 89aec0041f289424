import { describe, expect, it } from 'vitest';
import { checkPesel, isValidPesel, peselBirthDate, peselCheckDigit } from './pesel';

describe('PESEL', () => {
  it('validates checksum and birth date', () => {
    expect(isValidPesel('44051401359')).toBe(true);
    expect(checkPesel('44051401359')).toEqual({ valid: true, pesel: '44051401359', birthDate: '1944-05-14' });
    expect(checkPesel('44051401358')).toEqual({ valid: false, problem: 'checksum' });
    expect(checkPesel('44131401359')).toEqual({ valid: false, problem: 'format' });
    expect(checkPesel('')).toEqual({ valid: false, problem: 'empty' });
  });

  it('decodes the century from the month field', () => {
    expect(peselBirthDate('02270812345')).toBe('2002-07-08');
    expect(peselBirthDate('99923112345')).toBe('1899-12-31');
  });

  it('rejects impossible dates even with a correct checksum', () => {
    const firstTen = '0102310000'; // 31 February 1901
    const pesel = `${firstTen}${peselCheckDigit(firstTen)}`;
    expect(checkPesel(pesel)).toEqual({ valid: false, problem: 'birthDate' });
  });
});
