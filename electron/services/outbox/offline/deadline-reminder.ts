/**
 * OS reminders of offline invoices' sending deadlines (PROTOCOL §14): a missed deadline is a breach of the law,
 * and the Sent page's banner is only seen when that page is open. Plain Node: it decides what to say and when;
 * the Electron adapter only shows it. Each invoice is named once per day and urgency, so a reminder repeats
 * on the next day, and at once when an invoice becomes due today or overdue — never every half hour.
 */
import { deadlineUrgency, warsawDate, type DeadlineUrgency } from '../../../../shared/domain/business-days';
import type { Language } from '../../../../shared/domain/settings';

/** An offline invoice still to be sent: its number and deadline (null while the outage it depends on lasts). */
export interface DeadlineCandidate {
  outboxId: string;
  invoiceNumber: string;
  deadline: string | null;
}

export interface DeadlineNotice {
  title: string;
  body: string;
  /** The most urgent level among the invoices named. */
  urgency: Exclude<DeadlineUrgency, 'pending'>;
  invoices: { outboxId: string; urgency: Exclude<DeadlineUrgency, 'pending'> }[];
}

type Urgent = { candidate: DeadlineCandidate; urgency: Exclude<DeadlineUrgency, 'pending'> };

const ORDER: Urgent['urgency'][] = ['overdue', 'dueToday', 'dueSoon'];

function listed(numbers: string[]): string {
  return numbers.length <= 3 ? numbers.join(', ') : `${numbers.slice(0, 3).join(', ')} …`;
}

/** What to say about the invoices that are due soon, due today or overdue on `today`; null when none is. */
export function deadlineNotice(candidates: readonly DeadlineCandidate[], today: string, language: Language): DeadlineNotice | null {
  const urgent: Urgent[] = [];
  for (const candidate of candidates) {
    if (candidate.deadline === null) continue;
    const urgency = deadlineUrgency(candidate.deadline, today);
    if (urgency !== 'pending') urgent.push({ candidate, urgency });
  }
  if (urgent.length === 0) return null;
  const worst = ORDER.find((level) => urgent.some((entry) => entry.urgency === level)) ?? 'dueSoon';
  const numbers = (level: Urgent['urgency']) => urgent.filter((entry) => entry.urgency === level).map((entry) => entry.candidate.invoiceNumber);
  const parts: string[] = [];
  const pl = language !== 'en';
  if (numbers('overdue').length) parts.push(pl ? `po terminie: ${listed(numbers('overdue'))}` : `overdue: ${listed(numbers('overdue'))}`);
  if (numbers('dueToday').length) parts.push(pl ? `termin dziś: ${listed(numbers('dueToday'))}` : `due today: ${listed(numbers('dueToday'))}`);
  if (numbers('dueSoon').length) parts.push(pl ? `termin w najbliższym dniu roboczym: ${listed(numbers('dueSoon'))}` : `due on the next business day: ${listed(numbers('dueSoon'))}`);
  const title = pl ? 'Faktury offline do wysłania do KSeF' : 'Offline invoices to send to KSeF';
  const tail = pl ? 'Wyślij je na stronie „Wysłane”.' : 'Send them on the Sent page.';
  const invoices = urgent.map((entry) => ({ outboxId: entry.candidate.outboxId, urgency: entry.urgency }));
  return { title, body: `${parts.join('; ')}. ${tail}`, urgency: worst, invoices };
}

export interface DeadlineReminderDeps {
  candidates: () => readonly DeadlineCandidate[];
  language: () => Language;
  show: (notice: DeadlineNotice) => void;
  clock?: { now(): Date };
  /** How often to look again (the app: 30 min); events such as a new offline invoice call `check` sooner. */
  intervalMs?: number;
}

export class DeadlineReminder {
  private readonly told = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: DeadlineReminderDeps) {}

  /** Shows a reminder when an invoice reached an urgency it was not reminded of today; returns what was shown. */
  check(): DeadlineNotice | null {
    const today = warsawDate((this.deps.clock ?? { now: () => new Date() }).now());
    const notice = deadlineNotice(this.deps.candidates(), today, this.deps.language());
    if (!notice) return null;
    const keys = notice.invoices.map((invoice) => `${today}|${invoice.outboxId}|${invoice.urgency}`);
    if (keys.every((key) => this.told.has(key))) return null;
    keys.forEach((key) => this.told.add(key));
    this.deps.show(notice);
    return notice;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), this.deps.intervalMs ?? 30 * 60_000);
    this.timer.unref?.();
    this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
