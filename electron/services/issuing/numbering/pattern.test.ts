import { describe, expect, it } from 'vitest';
import { checkPattern, effectiveReset, periodKey, renderNumber } from './pattern';

describe('numbering patterns', () => {
  it('renders the counter and the issue date parts', () => {
    expect(renderNumber('FV/{nr}/{MM}/{RRRR}', 7, '2026-03-09')).toBe('FV/7/03/2026');
    expect(renderNumber('{RR}{MM}{DD}-{nr:4}', 12, '2026-12-31')).toBe('261231-0012');
    expect(renderNumber('F {nr:2}/{RR}', 123, '2027-01-01')).toBe('F 123/27');
  });

  it('resets with the smallest date part the pattern shows, or as configured', () => {
    expect(effectiveReset('FV/{nr}/{MM}/{RRRR}', 'auto')).toBe('monthly');
    expect(effectiveReset('FV/{nr}/{RR}', 'auto')).toBe('yearly');
    expect(effectiveReset('{DD}.{MM}.{RRRR}/{nr}', 'auto')).toBe('daily');
    expect(effectiveReset('FV/{nr}', 'auto')).toBe('never');
    expect(effectiveReset('FV/{nr}/{MM}/{RRRR}', 'yearly')).toBe('yearly');
    expect(periodKey('monthly', '2026-03-09')).toBe('2026-03');
    expect(periodKey('yearly', '2026-03-09')).toBe('2026');
    expect(periodKey('daily', '2026-03-09')).toBe('2026-03-09');
    expect(periodKey('never', '2026-03-09')).toBe('');
  });

  it('refuses patterns that would repeat numbers or that it does not understand', () => {
    expect(checkPattern('FV/{nr}/{MM}/{RRRR}', 'auto')).toBeNull();
    expect(checkPattern('FV/{nr}/{MM}/{RRRR}', 'never')).toBeNull();
    expect(checkPattern('FV/{MM}/{RRRR}', 'auto')).toBe('NO_COUNTER');
    expect(checkPattern('FV/{nr}/{MM}', 'monthly')).toBe('RESET_NEEDS_DATE_PARTS');
    expect(checkPattern('FV/{nr}', 'yearly')).toBe('RESET_NEEDS_DATE_PARTS');
    expect(checkPattern('FV/{nr}/{YYYY}', 'auto')).toBe('UNKNOWN_TOKEN');
  });
});
