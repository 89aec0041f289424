/**
 * Business days in Poland for KSeF deadlines (PROTOCOL §14): Monday to Friday except statutory public
 * holidays (ustawa o dniach wolnych od pracy). Saturdays count as days off, as the tax ordinance treats
 * a deadline ending on a Saturday. Dates are civil dates "YYYY-MM-DD"; arithmetic runs on UTC midnights so
 * no local time zone or DST can shift a day.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`Not a date "YYYY-MM-DD": "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) throw new Error(`No such date: "${date}"`);
  return time;
}

function fromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIXED_HOLIDAYS = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'];

const holidayCache = new Map<number, ReadonlySet<string>>();

/** Every statutory public holiday of a year, Sundays included (Easter, Pentecost). */
export function publicHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const pad = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const days = new Set(FIXED_HOLIDAYS.map((monthDay) => `${pad}-${monthDay}`));
  // Epiphany became a day off again in 2011; Christmas Eve in 2025.
  if (year < 2011) days.delete(`${pad}-01-06`);
  if (year >= 2025) days.add(`${pad}-12-24`);
  days.add(easter);
  days.add(addDays(easter, 1)); // Easter Monday
  days.add(addDays(easter, 49)); // Pentecost Sunday
  days.add(addDays(easter, 60)); // Corpus Christi
  holidayCache.set(year, days);
  return days;
}

export function isPublicHoliday(date: string): boolean {
  return publicHolidays(Number(date.slice(0, 4))).has(date);
}

export function isBusinessDay(date: string): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string): string {
  return addBusinessDays(date, 1);
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: string): string {
  let day = addDays(date, -1);
  while (!isBusinessDay(day)) day = addDays(day, -1);
  return day;
}

/** The `count`-th business day after `date` (`date` itself never counts). */
export function addBusinessDays(date: string, count: number): string {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) left -= 1;
  }
  return day;
}

const warsawDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Poland at an instant: KSeF's "day" is Warsaw's. */
export function warsawDate(instant: Date): string {
  const parts = Object.fromEntries(warsawDateFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** How close an offline invoice is to its sending deadline, for warnings in the list and the detail. */
export type DeadlineUrgency = 'pending' | 'dueSoon' | 'dueToday' | 'overdue';

/** `dueSoon` from the last business day before the deadline (and the days off between), so a Friday warns of a Monday. */
export function deadlineUrgency(deadline: string, today: string): DeadlineUrgency {
  if (today > deadline) return 'overdue';
  if (today === deadline) return 'dueToday';
  return today >= previousBusinessDay(deadline) ? 'dueSoon' : 'pending';
}
