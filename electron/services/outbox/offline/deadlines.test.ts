import { describe, expect, it } from 'vitest';
import { offlineDeadline, type OutagePeriod } from './deadlines';

const unavailability = (start: string, end?: string): OutagePeriod => ({ kind: 'unavailability', start, ...(end ? { end } : {}), source: 'detected' });
const emergency = (start: string, end?: string): OutagePeriod => ({ kind: 'emergency', start, ...(end ? { end } : {}), source: 'announced' });

describe('offlineDeadline', () => {
  it('offline24: the next business day after the issue date', () => {
    expect(offlineDeadline('2026-03-05', 'offline24', [])).toBe('2026-03-06');
    expect(offlineDeadline('2025-12-23', 'offline24', [])).toBe('2025-12-29');
    expect(offlineDeadline('2025-12-31', 'offline24', [])).toBe('2026-01-02');
  });

  it('unavailability: the next business day after it ends, in Warsaw days', () => {
    const outage = unavailability('2026-03-05T09:00:00Z', '2026-03-06T23:30:00Z'); // ends 7 March 00:30 in Warsaw
    expect(offlineDeadline('2026-03-05', 'unavailability', [outage])).toBe('2026-03-09');
  });

  it('unavailability still going: no deadline yet', () => {
    expect(offlineDeadline('2026-03-05', 'unavailability', [unavailability('2026-03-05T09:00:00Z')])).toBeNull();
  });

  it('unavailability with no period covering the issue date falls back to offline24', () => {
    expect(offlineDeadline('2026-03-05', 'unavailability', [unavailability('2026-02-01T09:00:00Z', '2026-02-01T10:00:00Z')])).toBe('2026-03-06');
  });

  it('emergency: 7 business days after it ends', () => {
    expect(offlineDeadline('2025-12-18', 'emergency', [emergency('2025-12-18T08:00:00Z', '2025-12-19T15:00:00Z')])).toBe('2026-01-05');
  });

  it('an emergency announced while an offline24 invoice is pending moves its deadline', () => {
    const periods = [emergency('2026-03-06T07:00:00Z', '2026-03-10T12:00:00Z')];
    // 11, 12, 13, 16, 17, 18, 19 March.
    expect(offlineDeadline('2026-03-05', 'offline24', periods)).toBe('2026-03-19');
  });

  it('a new emergency within the extended window restarts the count', () => {
    const periods = [emergency('2026-03-06T07:00:00Z', '2026-03-10T12:00:00Z'), emergency('2026-03-18T07:00:00Z', '2026-03-18T12:00:00Z')];
    // 7 business days after 18 March: 19, 20, 23, 24, 25, 26, 27.
    expect(offlineDeadline('2026-03-05', 'offline24', periods)).toBe('2026-03-27');
  });

  it('ignores emergencies after the deadline passed and before the issue date', () => {
    const periods = [emergency('2026-03-09T07:00:00Z', '2026-03-09T12:00:00Z'), emergency('2026-03-02T07:00:00Z', '2026-03-03T12:00:00Z')];
    expect(offlineDeadline('2026-03-05', 'offline24', periods)).toBe('2026-03-06');
  });

  it('an emergency that has not ended leaves the deadline open', () => {
    expect(offlineDeadline('2026-03-05', 'offline24', [emergency('2026-03-06T07:00:00Z')])).toBeNull();
  });
});
