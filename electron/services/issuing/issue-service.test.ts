import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBuyer, testLine } from '../../../shared/domain/issuing/testing/form-fixtures';
import type { FormLine, IssueFormValues } from '../../../shared/ipc/channels/issue';
import { blankSellerProfile } from './seller-profile-store';
import type { IssuingServices } from '.';
import { createIssuingFixture, type FakeOutbox, type IssuingFixture } from './testing/issuing-fixture';

const NIP = '5265877635';
const KSEF_NUMBER = '5265877635-20260309-0123456789AB-CD';

/** Two hours at 150 net, 23 %: 300.00 net, 369.00 gross. */
const serviceLine = (overrides: Partial<FormLine> = {}) => testLine({ name: 'Usługa', quantity: '2', unit: 'h', unitPrice: '150', rate: '23', ...overrides });

describe('IssueService', () => {
  let fixture: IssuingFixture;
  let issuing: IssuingServices;
  let outbox: FakeOutbox;
  const form = (overrides: Partial<IssueFormValues> = {}) => fixture.form({ buyer: testBuyer({ name: 'Nowak Handel' }), lines: [serviceLine()], ...overrides });

  beforeEach(() => {
    fixture = createIssuingFixture();
    ({ issuing, outbox } = fixture);
  });

  afterEach(() => fixture.close());

  it('issues one invoice offline when asked, and says so when the app is offline anyway', async () => {
    const chosen = await issuing.service.issue(NIP, form(), undefined, { offline: true });
    expect(chosen).toMatchObject({ issued: true, offline: true, invoice: { outboxId: 'outbox-1' } });
    expect(outbox.get('outbox-1').state).toBe('offline');

    const online = await issuing.service.issue(NIP, form());
    expect(online).toMatchObject({ issued: true, offline: false });
    expect(outbox.get('outbox-2').state).toBe('queued');

    outbox.appMode = 'offline'; // an outage detected, or offline mode switched on
    expect(await issuing.service.issue(NIP, form())).toMatchObject({ issued: true, offline: true });
  });

  it('gives the series number only on issue, enqueues the XML, forgets the draft and remembers the buyer', async () => {
    const values = form();
    const draft = issuing.drafts.save(NIP, values);
    const preview = await issuing.service.preview(NIP, values);
    expect(preview).toMatchObject({ validated: true, problems: [] });
    expect(preview.xml).toContain('<P_2>FV/1/03/2026</P_2>');
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(false);

    const outcome = await issuing.service.issue(NIP, values, draft.id);
    expect(outcome).toMatchObject({ issued: true, invoice: { number: 'FV/1/03/2026', grossTotal: '369.00', outboxId: 'outbox-1', buyerName: 'Nowak Handel' } });
    expect(outbox.entries[0]!.xml).toContain('<P_2>FV/1/03/2026</P_2>');
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(true);
    expect(issuing.drafts.list(NIP)).toEqual([]);
    expect(issuing.contractors.list(NIP)).toEqual([expect.objectContaining({ identifier: '7171642051', name: 'Nowak Handel' })]);
    expect(issuing.issued.list(NIP)).toHaveLength(1);
    expect(issuing.products.list(NIP)).toEqual([expect.objectContaining({ name: 'Usługa', unit: 'h', price: '150', priceMode: 'net', rate: '23' })]);

    const second = await issuing.service.issue(NIP, values);
    expect(second).toMatchObject({ issued: true, invoice: { number: 'FV/2/03/2026' } });
  });

  it('reads a sent invoice back for a correction or a copy', async () => {
    await issuing.service.issue(NIP, form({ lines: [serviceLine({ discount: '10' })] }));
    expect(issuing.service.sentInvoice('outbox-1').ksefNumber).toBeNull();
    outbox.accept('outbox-1', KSEF_NUMBER);
    const { invoice, ksefNumber } = issuing.service.sentInvoice('outbox-1');
    expect(ksefNumber).toBe(KSEF_NUMBER);
    const { correctionForm } = await import('../../../shared/domain/issuing/invoice-to-form');
    const start = correctionForm(invoice, ksefNumber, 'outbox-1');
    expect(start.correction).toMatchObject({ originalNumber: 'FV/1/03/2026', originalIssueDate: '2026-03-09', originalKsefNumber: ksefNumber, sourceId: 'outbox-1' });
    expect(start.correction.linesBefore).toEqual([expect.objectContaining({ name: 'Usługa', quantity: '2', unitPrice: '150', rate: '23', discount: '10' })]);
    expect(start.buyer).toMatchObject({ identifier: '7171642051', name: 'Nowak Handel', saveToBook: false });
  });

  it('does not use a number when the form, the seller data or the schema check stops the invoice', async () => {
    const badNip = await issuing.service.issue(NIP, form({ buyer: testBuyer({ identifier: '7171642052' }) }));
    expect(badNip).toEqual({ issued: false, problems: [expect.objectContaining({ field: 'buyer.identifier', code: 'identifier.NIP_CHECKSUM', severity: 'error' })] });

    fixture.schemaErrors = [{ path: '/Faktura/Fa/FaWiersz[1]/P_8B', message: 'bad quantity', messagePl: 'zła ilość' }];
    const invalid = await issuing.service.issue(NIP, form());
    expect(invalid).toEqual({ issued: false, problems: [expect.objectContaining({ field: 'lines.0.quantity', elementPath: '/Faktura/Fa/FaWiersz[1]/P_8B', messagePl: 'zła ilość' })] });
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(false);
    expect(outbox.entries).toEqual([]);

    fixture.schemaErrors = [];
    issuing.profiles.save(blankSellerProfile(NIP, 'Kowalski Usługi'));
    const noAddress = await issuing.service.issue(NIP, form());
    expect(noAddress).toMatchObject({ issued: false, problems: [expect.objectContaining({ field: 'seller', code: 'sellerProfile' })] });
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(false);
  });

  it('refuses a typed number that an invoice already has, and says so at the field', async () => {
    expect(await issuing.service.issue(NIP, form({ number: 'A/1' }))).toMatchObject({ issued: true, invoice: { number: 'A/1' } });
    expect(await issuing.service.issue(NIP, form({ number: 'A/1' }))).toEqual({ issued: false, problems: [expect.objectContaining({ field: 'number', code: 'numberUsed' })] });
  });

  it('answers a clear error, without using a number, while sending is not available', async () => {
    fixture.outboxAvailable = false;
    await expect(issuing.service.issue(NIP, form())).rejects.toMatchObject({ code: 'KSEF_CLIENT_UNAVAILABLE' });
    expect(outbox.entries).toEqual([]);
    expect(issuing.numbering.propose(NIP, form().seriesId!, '2026-03-09')).toBe('FV/1/03/2026');
  });
});
