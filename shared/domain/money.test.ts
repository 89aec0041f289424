import { describe, expect, it } from 'vitest';
import {
  addAmounts,
  compareAmounts,
  formatAmount,
  formatAmountPl,
  fromMinorUnits,
  multiplyAmounts,
  percentOf,
  subtractAmounts,
  toMinorUnits,
} from './money';

describe('money', () => {
  it('adds without float errors', () => {
    expect(addAmounts('0.1', '0.2')).toBe('0.3');
    expect(formatAmount(addAmounts('1234.4', '0.1'))).toBe('1234.50');
    expect(addAmounts()).toBe('0');
    expect(subtractAmounts('10.00', '10.01')).toBe('-0.01');
  });

  it('rounds half-up to the requested precision', () => {
    expect(formatAmount('2.345')).toBe('2.35');
    expect(formatAmount('-2.345')).toBe('-2.35');
    expect(formatAmount('-0.001')).toBe('0.00');
    expect(formatAmount(percentOf('43.60', '23'))).toBe('10.03');
    expect(formatAmount(multiplyAmounts('1.005', '1'))).toBe('1.01');
  });

  it('converts to and from integer minor units', () => {
    expect(toMinorUnits('1234.50')).toBe(123450n);
    expect(toMinorUnits('-0.07')).toBe(-7n);
    expect(fromMinorUnits(123450n)).toBe('1234.50');
    expect(() => toMinorUnits('0.001')).toThrow();
  });

  it('rejects non-decimal text and inexact numbers', () => {
    expect(() => addAmounts('1e3')).toThrow();
    expect(() => addAmounts('12,50')).toThrow();
    expect(() => formatAmount('abc')).toThrow();
  });

  it('compares and formats for display', () => {
    expect(compareAmounts('10.0', '10')).toBe(0);
    expect(compareAmounts('-1', '0')).toBe(-1);
    expect(formatAmountPl('1234567.5')).toBe('1\u00a0234\u00a0567,50');
  });
});
