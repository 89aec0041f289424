import { describe, expect, it } from 'vitest';
import type { ReceivedSyncSummary } from '../../../shared/ipc/channels/received';
import { fakturyPl, noticeForSync } from './notifications';

const summary = (change: Partial<ReceivedSyncSummary>): ReceivedSyncSummary => ({
  companyNip: '5265877635',
  subject: 'buyer',
  imported: 3,
  duplicates: 0,
  method: 'download',
  checkpoint: '2026-01-01T00:00:00Z',
  cancelled: false,
  ...change,
});

describe('received notifications', () => {
  it('speaks Polish plurals', () => {
    expect([1, 2, 4, 5, 12, 13, 21, 22, 25, 104, 112].map((n) => `${n} ${fakturyPl(n)}`)).toEqual([
      '1 fakturę', '2 faktury', '4 faktury', '5 faktur', '12 faktur', '13 faktur', '21 faktur', '22 faktury', '25 faktur', '104 faktury', '112 faktur',
    ]);
  });

  it('notifies only for new invoices from a successful run', () => {
    expect(noticeForSync(summary({}), { companyName: 'Pszczółka', language: 'pl' })).toEqual({
      companyNip: '5265877635',
      title: 'Nowe faktury w KSeF',
      body: 'Pszczółka (NIP 5265877635): 3 faktury do przejrzenia.',
    });
    expect(noticeForSync(summary({ imported: 1 }), { language: 'en' })?.body).toBe('NIP 5265877635 received 1 new invoice.');
    expect(noticeForSync(summary({ imported: 0 }), { language: 'pl' })).toBeNull();
    expect(noticeForSync(summary({ cancelled: true }), { language: 'pl' })).toBeNull();
    expect(noticeForSync(summary({ error: 'NETWORK_ERROR' }), { language: 'pl' })).toBeNull();
  });
});
