/** Injectable time source so tests can move time without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-15T10:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(date: Date | string): void {
    this.current = new Date(date).getTime();
  }
}

/** KSeF prints date-times with 7 fractional digits and an explicit offset: 2025-07-11T12:23:56.0154302+00:00. */
export function formatKsefDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}0000+00:00`;
}
