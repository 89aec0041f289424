import { describe, expect, it } from 'vitest';
import type { OfflineInvoiceView } from '../../../shared/ipc/channels/offline';
import { countDeadlines, countFor, deadlineView, formatAmount, formatCivilDate, statesFor } from './sent-model';

const offline = (deadline: string | null): OfflineInvoiceView => ({
  outboxId: 'a',
  mode: 'offline24',
  issueDate: '2026-03-05',
  deadline,
  kod1Url: 'u',
  kod2Url: null,
  certificateSerial: null,
  kod2Problem: 'NO_OFFLINE_CERTIFICATE',
  invoiceHash: 'h',
  correctionHashes: ['c1'],
});

describe('Sent list rules', () => {
  it('maps filters to outbox states and counts', () => {
    expect(statesFor('all')).toBeUndefined();
    expect(statesFor('waiting')).toEqual(['draft', 'queued', 'sending']);
    const counts = { draft: 1, queued: 2, sending: 3, accepted: 10, rejected: 4, offline: 5 };
    expect(countFor('waiting', counts)).toBe(6);
    expect(countFor('all', counts)).toBe(25);
    expect(countFor('offline', counts)).toBe(5);
  });

  it('shows a deadline only while the invoice waits, with its urgency', () => {
    expect(deadlineView('offline', offline('2026-03-06'), '2026-03-05')).toEqual({ kind: 'date', date: '2026-03-06', urgency: 'dueSoon' });
    expect(deadlineView('offline', offline('2026-03-06'), '2026-03-09')).toMatchObject({ urgency: 'overdue' });
    expect(deadlineView('accepted', offline('2026-03-06'), '2026-03-09')).toEqual({ kind: 'none' });
    expect(deadlineView('offline', offline(null), '2026-03-05')).toEqual({ kind: 'open' });
    expect(deadlineView('offline', undefined, '2026-03-05')).toEqual({ kind: 'none' });
    expect(deadlineView('rejected', offline('2026-03-06'), '2026-03-09', new Set(['c1']))).toEqual({ kind: 'none' });
    expect(deadlineView('rejected', offline('2026-03-06'), '2026-03-09', new Set(['other']))).toMatchObject({ urgency: 'overdue' });
    const views = [deadlineView('offline', offline('2026-03-06'), '2026-03-06'), deadlineView('offline', offline('2026-03-02'), '2026-03-06')];
    expect(countDeadlines(views)).toEqual({ soon: 1, overdue: 1 });
  });

  it('formats dates and exact amounts per language', () => {
    expect(formatCivilDate('2026-03-05', 'pl')).toBe('05.03.2026');
    expect(formatAmount('1234567.5', 'PLN', 'pl')).toBe('1\u00a0234\u00a0567,50 PLN');
    expect(formatAmount('-12.345', 'EUR', 'en')).toBe('-12.345 EUR');
    expect(formatAmount('99', 'EUR', 'en')).toBe('99.00 EUR');
  });
});
