import { describe, expect, it } from 'vitest';
import type { OfflineInvoiceView } from '../../../../shared/ipc/channels/offline';
import { offlineDeadlineCandidates } from './deadline-candidates';
import { DeadlineReminder, deadlineNotice, type DeadlineCandidate, type DeadlineNotice } from './deadline-reminder';

// 2026-03-06 is a Friday; 2026-03-09 the Monday after.
const candidates: DeadlineCandidate[] = [
  { outboxId: 'a', invoiceNumber: 'FV/1/03/2026', deadline: '2026-03-09' },
  { outboxId: 'b', invoiceNumber: 'FV/2/03/2026', deadline: '2026-03-06' },
  { outboxId: 'c', invoiceNumber: 'FV/3/03/2026', deadline: '2026-03-05' },
  { outboxId: 'd', invoiceNumber: 'FV/4/03/2026', deadline: '2026-03-20' },
  { outboxId: 'e', invoiceNumber: 'FV/5/03/2026', deadline: null },
];

describe('deadlineNotice', () => {
  it('names overdue, due-today and next-business-day invoices, most urgent first, in Polish or English', () => {
    const notice = deadlineNotice(candidates, '2026-03-06', 'pl');
    expect(notice).toEqual({
      title: 'Faktury offline do wysłania do KSeF',
      body: 'po terminie: FV/3/03/2026; termin dziś: FV/2/03/2026; termin w najbliższym dniu roboczym: FV/1/03/2026. Wyślij je na stronie „Wysłane”.',
      urgency: 'overdue',
      invoices: [
        { outboxId: 'a', urgency: 'dueSoon' },
        { outboxId: 'b', urgency: 'dueToday' },
        { outboxId: 'c', urgency: 'overdue' },
      ],
    });
    expect(deadlineNotice(candidates.slice(0, 1), '2026-03-06', 'en')?.body).toBe('due on the next business day: FV/1/03/2026. Send them on the Sent page.');
  });

  it('says nothing while no deadline is near (or known)', () => {
    expect(deadlineNotice(candidates.slice(3), '2026-03-06', 'pl')).toBeNull();
    expect(deadlineNotice([], '2026-03-06', 'pl')).toBeNull();
  });
});

describe('DeadlineReminder', () => {
  it('reminds once per day and urgency: again the next day, and at once when an invoice gets more urgent', () => {
    let now = new Date('2026-03-06T08:00:00Z');
    let list: DeadlineCandidate[] = [candidates[0]!];
    const shown: DeadlineNotice[] = [];
    const reminder = new DeadlineReminder({ candidates: () => list, language: () => 'pl', show: (notice) => shown.push(notice), clock: { now: () => now } });

    expect(reminder.check()?.urgency).toBe('dueSoon');
    expect(reminder.check()).toBeNull(); // the same facts, the same day: quiet
    list = [candidates[0]!, candidates[1]!];
    expect(reminder.check()?.urgency).toBe('dueToday'); // a new invoice due today
    now = new Date('2026-03-09T07:00:00Z'); // Monday: FV/1 is due today, FV/2 overdue
    expect(reminder.check()?.urgency).toBe('overdue');
    list = [];
    expect(reminder.check()).toBeNull(); // sent: nothing to say
    expect(shown).toHaveLength(3);
  });
});

describe('offlineDeadlineCandidates', () => {
  it('keeps offline invoices KSeF has not accepted, and drops one settled by an accepted technical correction', () => {
    const view = (outboxId: string, correctionHashes: string[] = []): OfflineInvoiceView => ({
      outboxId,
      mode: 'offline24',
      issueDate: '2026-03-05',
      deadline: '2026-03-06',
      kod1Url: 'https://qr-test.ksef.mf.gov.pl/invoice/x',
      kod2Url: null,
      certificateSerial: null,
      kod2Problem: null,
      invoiceHash: `hash-${outboxId}`,
      correctionHashes,
    });
    const items: Record<string, { state: 'offline' | 'accepted' | 'rejected'; invoiceNumber: string }> = {
      waiting: { state: 'offline', invoiceNumber: 'FV/1' },
      sent: { state: 'accepted', invoiceNumber: 'FV/2' },
      rejected: { state: 'rejected', invoiceNumber: 'FV/3' },
      corrected: { state: 'rejected', invoiceNumber: 'FV/4' },
      correction: { state: 'accepted', invoiceNumber: 'FV/4' },
    };
    const outbox = {
      get: (id: string) => items[id] ?? null,
      findByHash: (hash: string) => (hash === 'hash-correction' ? (items.correction ?? null) : null),
    };
    const views = [view('waiting'), view('sent'), view('rejected'), view('corrected', ['hash-correction']), view('gone')];
    expect(offlineDeadlineCandidates(views, outbox)).toEqual([
      { outboxId: 'waiting', invoiceNumber: 'FV/1', deadline: '2026-03-06' },
      { outboxId: 'rejected', invoiceNumber: 'FV/3', deadline: '2026-03-06' },
    ]);
  });
});
