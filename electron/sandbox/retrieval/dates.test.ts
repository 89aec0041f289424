import { describe, expect, it } from 'vitest';
import { isWithinThreeMonths, parseQueryInstant } from './dates';

describe('retrieval dates', () => {
  it('reads values without an offset as Europe/Warsaw local time (winter and summer)', () => {
    expect(parseQueryInstant('2025-01-01T00:00:00')?.toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(parseQueryInstant('2025-07-01T12:00')?.toISOString()).toBe('2025-07-01T10:00:00.000Z');
  });

  it('honours explicit offsets and drops sub-millisecond digits', () => {
    expect(parseQueryInstant('2025-08-28T09:22:13.3881234+00:00')?.toISOString()).toBe('2025-08-28T09:22:13.388Z');
    expect(parseQueryInstant('2025-08-28T11:22:13+02:00')?.toISOString()).toBe('2025-08-28T09:22:13.000Z');
    expect(parseQueryInstant('2025-08-28T09:22:13Z')?.toISOString()).toBe('2025-08-28T09:22:13.000Z');
    expect(parseQueryInstant('2025-08-28')).toBeUndefined();
    expect(parseQueryInstant('2025-13-01T00:00:00Z')).toBeUndefined();
  });

  it('accepts a range of 3 months on either the UTC or the Warsaw calendar', () => {
    // Warsaw 1 Sep 00:30 (+02) → 1 Dec 00:30 (+01) = 30 Nov 23:30Z; on the UTC calendar 31 Aug 22:30Z → 30 Nov 22:30Z.
    const from = new Date('2025-08-31T22:30:00Z');
    expect(isWithinThreeMonths(from, new Date('2025-11-30T23:00:00Z'))).toBe(true);
    expect(isWithinThreeMonths(from, new Date('2025-11-30T23:30:00Z'))).toBe(true);
    expect(isWithinThreeMonths(from, new Date('2025-11-30T23:30:00.001Z'))).toBe(false);
    // Winter → summer: the UTC calendar is the longer one.
    const winter = new Date('2025-01-31T23:30:00Z');
    expect(isWithinThreeMonths(winter, new Date('2025-04-30T23:30:00Z'))).toBe(true);
    expect(isWithinThreeMonths(winter, new Date('2025-04-30T23:30:01Z'))).toBe(false);
  });
});
