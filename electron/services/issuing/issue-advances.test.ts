import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLine } from '../../../shared/domain/issuing/testing/form-fixtures';
import { emptyIssueForm, type FormLine, type IssueFormValues } from '../../../shared/ipc/channels/issue';
import { readInvoiceXml } from '../invoices/xml';
import type { IssuingServices } from '.';
import { createIssuingFixture, type FakeOutbox, type IssuingFixture } from './testing/issuing-fixture';

const NIP = '5265877635';
const KSEF_ZAL = '5265877635-20260305-0123456789AB-CD';
const line = (overrides: Partial<FormLine>): FormLine => testLine({ name: 'Koparka', quantity: '1', unit: 'szt.', unitPrice: '10000', rate: '23', ...overrides });

/** Issuing advance and settlement invoices end to end in main: form → model → XML → XSD → outbox, read back. */
describe('IssueService with advance (ZAL) and settlement (ROZ) invoices', () => {
  let fixture: IssuingFixture;
  let issuing: IssuingServices;
  let outbox: FakeOutbox;

  const form = (overrides: Partial<IssueFormValues>): IssueFormValues =>
    fixture.form({ lines: [line({}), line({ name: 'Transport', unitPrice: '1000', rate: '8', unit: 'usł.' })], ...overrides });
  const readBack = (index: number) => {
    const read = readInvoiceXml(outbox.entries[index]?.xml ?? '');
    if (!read.ok) throw new Error(read.message);
    return read.invoice;
  };

  beforeEach(() => {
    fixture = createIssuingFixture({ validation: 'fa3' });
    ({ issuing, outbox } = fixture);
  });

  afterEach(() => fixture.close());

  it('issues a ZAL whose XML has the order and the advance, and a ROZ that settles it', async () => {
    const zal = await issuing.service.issue(NIP, form({ kind: 'ZAL', advance: { ...emptyIssueForm().advance, received: '5000,00', receivedDate: '2026-03-05' } }));
    expect(zal).toMatchObject({ issued: true, invoice: { kind: 'ZAL', grossTotal: '5000.00', outboxId: 'outbox-1' } });
    const advance = readBack(0);
    expect(advance.kind).toBe('ZAL');
    expect(advance.lines).toEqual([]);
    expect(advance.saleDate).toBe('2026-03-05');
    expect(advance.order).toMatchObject({ value: '13380.00', lines: [{ name: 'Koparka', netTotal: '10000.00', rate: '23' }, { name: 'Transport', netTotal: '1000.00', rate: '8' }] });
    expect(advance.summary).toEqual({ buckets: { '1': { net: '3736.92', vat: '859.49' }, '2': { net: '373.69', vat: '29.90' } }, gross: '5000.00' });

    // Once KSeF accepts the ZAL, the ROZ settles it by its KSeF number.
    outbox.accept('outbox-1', KSEF_ZAL);
    const { invoice, ksefNumber } = issuing.service.sentInvoice('outbox-1');
    expect(ksefNumber).toBe(KSEF_ZAL);
    const settled = [{ sourceId: 'outbox-1', outsideKsef: false, reference: ksefNumber!, gross: invoice.summary!.gross }];
    const roz = await issuing.service.issue(NIP, form({ kind: 'ROZ', advance: { ...emptyIssueForm().advance, settled } }));
    expect(roz).toMatchObject({ issued: true, invoice: { kind: 'ROZ', grossTotal: '8380.00' } });
    const settlement = readBack(1);
    expect(settlement.advanceInvoices).toEqual([{ ksefNumber: KSEF_ZAL }]);
    expect(settlement.lines.map((row) => row.netTotal)).toEqual(['10000.00', '1000.00']);
    expect(settlement.summary).toEqual({ buckets: { '1': { net: '6263.08', vat: '1440.51' }, '2': { net: '626.31', vat: '50.10' } }, gross: '8380.00' });
  });

  it('refuses to issue without the split payment when the law requires it, and issues with it', async () => {
    const annex15 = form({ lines: [line({ unitPrice: '20000', annex15: true })] });
    const refused = await issuing.service.issue(NIP, annex15);
    expect(refused).toMatchObject({ issued: false, problems: [expect.objectContaining({ field: 'payment.splitPayment', code: 'splitRequired', severity: 'error' })] });
    expect(outbox.entries).toEqual([]);
    const issued = await issuing.service.issue(NIP, { ...annex15, payment: { ...annex15.payment, splitPayment: true } });
    expect(issued).toMatchObject({ issued: true });
    const invoice = readBack(0);
    expect(invoice.annotations.splitPayment).toBe(true);
    expect(invoice.lines[0]?.annex15).toBe(true);
  });
});
