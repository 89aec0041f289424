/** What people type into the form, read leniently: decimals with a comma, dates as YYYY-MM-DD. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Accepts what people type: a comma as the decimal mark, spaces as thousands separators. */
export function normalizeDecimal(value: string): string {
  return value.replace(/[\s\u00a0]/g, '').replace(',', '.');
}

/** A real calendar day within the range FA(3) accepts for dates (TData: 2006-01-01 … 2050-01-01). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && value >= '2006-01-01' && value <= '2050-01-01';
}
