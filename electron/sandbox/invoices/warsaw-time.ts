/** Calendar dates and offset timestamps in Europe/Warsaw, the time zone KSeF uses for invoice "days" and UPO dates. */

const WARSAW = 'Europe/Warsaw';
const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: WARSAW,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function wallClock(instant: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  };
}

/** `YYYY-MM-DD` of the instant on a Warsaw wall calendar. */
export function warsawDateOf(instant: Date): string {
  const clock = wallClock(instant);
  return `${clock.year}-${clock.month}-${clock.day}`;
}

/** Warsaw UTC offset in minutes at the instant (60 in winter, 120 in summer). */
export function warsawOffsetMinutes(instant: Date): number {
  const clock = wallClock(instant);
  const wallAsUtc = Date.UTC(+clock.year, +clock.month - 1, +clock.day, +clock.hour, +clock.minute, +clock.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

/** ISO timestamp with milliseconds and Warsaw offset, as UPOs show it: `2025-09-16T11:02:41.584+02:00`. */
export function formatWarsawDateTime(instant: Date): string {
  const clock = wallClock(instant);
  const millis = String(((instant.getTime() % 1000) + 1000) % 1000).padStart(3, '0');
  const offset = warsawOffsetMinutes(instant);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${clock.year}-${clock.month}-${clock.day}T${clock.hour}:${clock.minute}:${clock.second}.${millis}${sign}${hours}:${minutes}`;
}
