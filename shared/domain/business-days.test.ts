import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  deadlineUrgency,
  easterSunday,
  isBusinessDay,
  isPublicHoliday,
  nextBusinessDay,
  previousBusinessDay,
  publicHolidays,
  warsawDate,
} from './business-days';

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('publicHolidays', () => {
  it('lists the 2026 holidays including the movable feasts and Christmas Eve', () => {
    expect([...publicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-03',
      '2026-05-24',
      '2026-06-04',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('knows Corpus Christi and Easter Monday of other years', () => {
    expect(isPublicHoliday('2025-06-19')).toBe(true);
    expect(isPublicHoliday('2024-05-30')).toBe(true);
    expect(isPublicHoliday('2025-04-21')).toBe(true);
    expect(isPublicHoliday('2025-06-08')).toBe(true); // Pentecost
  });

  it('makes 24 December a holiday from 2025 only, and 6 January from 2011', () => {
    expect(isPublicHoliday('2024-12-24')).toBe(false);
    expect(isPublicHoliday('2025-12-24')).toBe(true);
    expect(isPublicHoliday('2010-01-06')).toBe(false);
    expect(isPublicHoliday('2011-01-06')).toBe(true);
  });
});

describe('business days', () => {
  it('treats Saturdays, Sundays and holidays as days off', () => {
    expect(isBusinessDay('2026-03-06')).toBe(true); // Friday
    expect(isBusinessDay('2026-03-07')).toBe(false); // Saturday
    expect(isBusinessDay('2026-03-08')).toBe(false); // Sunday
    expect(isBusinessDay('2026-11-11')).toBe(false); // Wednesday, Independence Day
  });

  it.each([
    ['2026-03-05', '2026-03-06', 'Thursday → Friday'],
    ['2025-12-19', '2025-12-22', 'Friday → Monday'],
    ['2025-12-23', '2025-12-29', 'Christmas Eve 2025 and Christmas, then a weekend'],
    ['2024-12-23', '2024-12-24', 'Christmas Eve 2024 was still a business day'],
    ['2025-12-31', '2026-01-02', 'over New Year into the next year'],
    ['2026-01-05', '2026-01-07', 'Epiphany'],
    ['2026-04-03', '2026-04-07', 'Good Friday is a business day; Easter Monday is not'],
    ['2026-04-30', '2026-05-04', '1 May on Friday, 3 May on Sunday'],
    ['2026-06-03', '2026-06-05', 'Corpus Christi'],
    ['2026-12-31', '2027-01-04', 'New Year on Friday, then a weekend'],
  ])('next business day after %s is %s (%s)', (date, expected) => {
    expect(nextBusinessDay(date)).toBe(expected);
  });

  it('counts 7 business days across Christmas and New Year', () => {
    // 22, 23, 29, 30, 31 December, 2 and 5 January.
    expect(addBusinessDays('2025-12-19', 7)).toBe('2026-01-05');
  });

  it('finds the previous business day over a long weekend', () => {
    expect(previousBusinessDay('2026-05-04')).toBe('2026-04-30');
    expect(previousBusinessDay('2026-01-02')).toBe('2025-12-31');
  });

  it('refuses impossible dates and counts', () => {
    expect(() => nextBusinessDay('2026-02-30')).toThrow();
    expect(() => nextBusinessDay('26-02-03')).toThrow();
    expect(() => addBusinessDays('2026-02-03', 0)).toThrow();
  });
});

describe('warsawDate', () => {
  it('takes the day in Poland, not in UTC', () => {
    expect(warsawDate(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-02');
    expect(warsawDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(warsawDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe('deadlineUrgency', () => {
  it('warns from the last business day before the deadline', () => {
    expect(deadlineUrgency('2026-05-04', '2026-04-29')).toBe('pending');
    expect(deadlineUrgency('2026-05-04', '2026-04-30')).toBe('dueSoon');
    expect(deadlineUrgency('2026-05-04', '2026-05-02')).toBe('dueSoon');
    expect(deadlineUrgency('2026-05-04', '2026-05-04')).toBe('dueToday');
    expect(deadlineUrgency('2026-05-04', '2026-05-05')).toBe('overdue');
  });
});
