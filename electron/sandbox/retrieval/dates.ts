/** Date handling of invoice queries: ISO inputs with or without offset, and the "3 months in UTC or Warsaw" rule. */
import { formatWarsawDateTime, warsawOffsetMinutes } from '../invoices/warsaw-time';

const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function wallAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/** Instant of a Warsaw wall-clock time; two passes settle the offset around DST switches. */
export function warsawWallToInstant(wall: WallTime): Date {
  const asUtc = wallAsUtcMs(wall);
  const firstGuess = asUtc - warsawOffsetMinutes(new Date(asUtc)) * 60_000;
  return new Date(asUtc - warsawOffsetMinutes(new Date(firstGuess)) * 60_000);
}

/**
 * Parses a `dateRange` bound. KSeF reads values without an offset as Europe/Warsaw local time.
 * Sub-millisecond digits are dropped: stored dates have millisecond precision, so bounds stay inclusive.
 */
export function parseQueryInstant(text: string): Date | undefined {
  const match = INSTANT_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', offset] = match;
  const wall: WallTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59 || wall.second > 59) return undefined;
  if (!offset) return warsawWallToInstant(wall);
  const offsetMinutes = offset.toUpperCase() === 'Z' ? 0 : offsetToMinutes(offset);
  const instant = new Date(wallAsUtcMs(wall) - offsetMinutes * 60_000);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

function offsetToMinutes(offset: string): number {
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar month arithmetic on a wall time; the day is clamped (31 Jan + 1 month = 28/29 Feb). */
function addMonthsToWall(wall: WallTime, months: number): WallTime {
  const monthIndex = wall.month - 1 + months;
  const year = wall.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return { ...wall, year, month, day: Math.min(wall.day, daysInMonth(year, month)) };
}

function utcWall(instant: Date): WallTime {
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    hour: instant.getUTCHours(),
    minute: instant.getUTCMinutes(),
    second: instant.getUTCSeconds(),
    millisecond: instant.getUTCMilliseconds(),
  };
}

function warsawWall(instant: Date): WallTime {
  const [datePart = '', timePart = ''] = formatWarsawDateTime(instant).split('T');
  const [year, month, day] = datePart.split('-').map(Number);
  const [hour, minute, secondsAndRest = '0'] = timePart.split(':');
  return {
    year: year ?? 0,
    month: month ?? 1,
    day: day ?? 1,
    hour: Number(hour),
    minute: Number(minute),
    second: Number(secondsAndRest.slice(0, 2)),
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** KSeF accepts a range of at most 3 months measured on the UTC calendar or on the Warsaw calendar. */
export function isWithinThreeMonths(from: Date, to: Date): boolean {
  const utcLimit = wallAsUtcMs(addMonthsToWall(utcWall(from), 3));
  const warsawLimit = warsawWallToInstant(addMonthsToWall(warsawWall(from), 3)).getTime();
  return to.getTime() <= Math.max(utcLimit, warsawLimit);
}
