/**
 * Sending deadlines of offline invoices (PROTOCOL §14), in Polish business days:
 * offline24 → the next business day after P_1; KSeF unavailable → the next business day after the
 * unavailability ends; emergency (awaria) → 7 business days after it ends. An emergency announced while
 * an invoice is pending moves its deadline to 7 business days after the last such emergency ends.
 */
import { addBusinessDays, nextBusinessDay, warsawDate } from '../../../../shared/domain/business-days';
import type { OfflineMode } from '../../../../shared/ipc/channels/offline';

export type { OfflineMode };

/** A period when KSeF did not work: announced by the Ministry, or observed by the app's outage detector. */
export interface OutagePeriod {
  kind: 'unavailability' | 'emergency';
  /** ISO instants. */
  start: string;
  /** Absent while it lasts. */
  end?: string;
  source: 'detected' | 'announced';
}

const EMERGENCY_BUSINESS_DAYS = 7;

interface DayRange {
  startDay: string;
  /** null while the period lasts. */
  endDay: string | null;
}

function dayRange(period: OutagePeriod): DayRange {
  return { startDay: warsawDate(new Date(period.start)), endDay: period.end ? warsawDate(new Date(period.end)) : null };
}

function overlaps(range: DayRange, from: string, to: string): boolean {
  return range.startDay <= to && (range.endDay === null || range.endDay >= from);
}

/** The latest end among the ranges; null when one of them has not ended. */
function latestEnd(ranges: DayRange[]): string | null {
  let latest = '';
  for (const range of ranges) {
    if (range.endDay === null) return null;
    if (range.endDay > latest) latest = range.endDay;
  }
  return latest;
}

function baseDeadline(issueDate: string, mode: OfflineMode, periods: readonly OutagePeriod[]): string | null {
  if (mode === 'offline24') return nextBusinessDay(issueDate);
  const covering = periods.filter((p) => p.kind === mode).map(dayRange).filter((r) => overlaps(r, issueDate, issueDate));
  // Without a period covering the issue date the claim is unproven: the strictest rule applies.
  if (covering.length === 0) return nextBusinessDay(issueDate);
  const end = latestEnd(covering);
  if (end === null) return null;
  return mode === 'unavailability' ? nextBusinessDay(end) : addBusinessDays(end, EMERGENCY_BUSINESS_DAYS);
}

/**
 * The last day ("YYYY-MM-DD", Warsaw) on which the invoice must reach KSeF, or null while the period
 * it depends on has not ended yet (the deadline is then unknown, but not running).
 */
export function offlineDeadline(issueDate: string, mode: OfflineMode, periods: readonly OutagePeriod[]): string | null {
  let deadline = baseDeadline(issueDate, mode, periods);
  const emergencies = periods.filter((p) => p.kind === 'emergency').map(dayRange);
  // Each extension may bring another emergency into the window, hence the loop (bounded by their count).
  for (let round = 0; deadline !== null && round <= emergencies.length; round += 1) {
    const current: string = deadline;
    const relevant = emergencies.filter((r) => overlaps(r, issueDate, current));
    if (relevant.length === 0) break;
    const end = latestEnd(relevant);
    if (end === null) return null;
    const extended = addBusinessDays(end, EMERGENCY_BUSINESS_DAYS);
    if (extended <= current) break;
    deadline = extended;
  }
  return deadline;
}
