import { describe, expect, it } from 'vitest';
import { emptyIssueForm, issueFormValuesSchema, type FormLine } from '../../ipc/channels/issue-form';
import { checkInvoiceRules, parseInvoice } from '../invoice';
import { settlementOverview } from './advances';
import { formIssues } from './form-rules';
import { formToInvoice } from './form-to-invoice';
import { invoiceToForm } from './invoice-to-form';
import { splitPaymentRequired } from './split-payment';
import { testForm, testLine, testSeller } from './testing/form-fixtures';

const seller = testSeller();
const KSEF_ZAL = '5265877635-20260301-0123456789AB-CD';

const line = (overrides: Partial<FormLine>): FormLine => testLine({ name: 'Maszyna', quantity: '1', unit: 'szt.', unitPrice: '100', ...overrides });

/** An order of 10 000.00 net at 23 % (gross 12 300.00) and 1 000.00 net at 8 % (gross 1 080.00): 13 380.00. */
const orderLines = [line({ name: 'Maszyna', unitPrice: '10 000,00' }), line({ name: 'Szkolenie', unitPrice: '1000', rate: '8', unit: 'usł.' })];

describe('advance invoice (ZAL) from the form', () => {
  const values = testForm({ kind: 'ZAL', lines: orderLines, advance: { received: '5 000,00', receivedDate: '2026-03-05', settled: [] } });

  it('writes the order as Zamowienie, no FaWiersz, P_6 = the day received and the advance split over the rates', () => {
    expect(formIssues(values)).toEqual([]);
    const invoice = formToInvoice(values, seller, { number: 'FZ/1/03/2026' });
    expect(parseInvoice(invoice)).toMatchObject({ ok: true });
    expect(invoice.lines).toEqual([]);
    expect(invoice.saleDate).toBe('2026-03-05');
    expect(invoice.order?.value).toBe('13380.00');
    expect(invoice.order?.lines).toEqual([
      { name: 'Maszyna', unit: 'szt.', quantity: '1', unitNetPrice: '10000.00', netTotal: '10000.00', vatTotal: '2300.00', rate: '23' },
      { name: 'Szkolenie', unit: 'usł.', quantity: '1', unitNetPrice: '1000', netTotal: '1000.00', vatTotal: '80.00', rate: '8' },
    ]);
    // 23 %: 5000 × 12300 / 13380 = 4596.4125… → 4596.41; VAT 4596.41 × 23/123 = 859.4913… → 859.49; net 3736.92.
    // 8 %: the rest, 403.59; VAT 403.59 × 8/108 = 29.8955… → 29.90; net 373.69.
    expect(invoice.summary).toEqual({ buckets: { '1': { net: '3736.92', vat: '859.49' }, '2': { net: '373.69', vat: '29.90' } }, gross: '5000.00' });
    expect(checkInvoiceRules(invoice).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('rounds a half grosz of the split up and keeps a no-VAT rate in its own bucket', () => {
    // 100 net at 23 % (gross 123) and 123 exempt: half each; 100.01 / 2 = 50.005 → 50.01 at 23 %, 50.00 exempt.
    const half = testForm({ kind: 'ZAL', lines: [line({ unitPrice: '100' }), line({ unitPrice: '123', rate: 'zw' })], annotations: { ...emptyIssueForm().annotations, exemptionBasis: 'art. 43 ust. 1 pkt 1' }, advance: { received: '100.01', receivedDate: '2026-03-09', settled: [] } });
    expect(formIssues(half)).toEqual([]);
    const invoice = formToInvoice(half, seller, { number: 'FZ/2' });
    // VAT 50.01 × 23/123 = 9.3514… → 9.35; net 40.66. P_6 equal to P_1 is left out.
    expect(invoice.summary).toEqual({ buckets: { '1': { net: '40.66', vat: '9.35' }, '7': { net: '50.00' } }, gross: '100.01' });
    expect(invoice.saleDate).toBeUndefined();
  });

  it('in another currency states the exchange rate (KursWalutyZ) and the VAT in PLN', () => {
    const eur = testForm({ kind: 'ZAL', currency: 'EUR', exchangeRate: '4,2512', lines: [line({ unitPrice: '1000' })], advance: { received: '246', receivedDate: '2026-03-05', settled: [] } });
    const invoice = formToInvoice(eur, seller, { number: 'FZ/3' });
    // VAT 246 × 23/123 = 46.00; in PLN 46 × 4.2512 = 195.5552 → 195.56.
    expect(invoice.summary).toEqual({ buckets: { '1': { net: '200.00', vat: '46.00', vatPln: '195.56' } }, gross: '246.00' });
    expect(invoice.advanceExchangeRate).toBe('4.2512');
  });

  it('refuses an advance of zero, above the order or without the day it was received', () => {
    expect(formIssues({ ...values, advance: { received: '0', receivedDate: '', settled: [] } })).toEqual(
      expect.arrayContaining([{ path: ['advance', 'received'], message: 'amountPositive' }, { path: ['advance', 'receivedDate'], message: 'required' }]),
    );
    expect(formIssues({ ...values, advance: { received: '13380.01', receivedDate: '2026-02-30', settled: [] } })).toEqual(
      expect.arrayContaining([{ path: ['advance', 'received'], message: 'advanceAboveOrder' }, { path: ['advance', 'receivedDate'], message: 'date' }]),
    );
    expect(formIssues({ ...values, advance: { received: '13380.00', receivedDate: '2026-03-01', settled: [] } })).toEqual([]);
    expect(formIssues({ ...values, advance: { received: '10.001', receivedDate: '2026-03-01', settled: [] } })).toEqual([{ path: ['advance', 'received'], message: 'amount' }]);
  });

  it('comes back into the form from its XML model (copy as new, fixing a rejected one)', () => {
    const invoice = formToInvoice(values, seller, { number: 'FZ/1/03/2026' });
    const back = invoiceToForm(invoice);
    expect(back.kind).toBe('ZAL');
    expect(back.advance).toEqual({ received: '5000.00', receivedDate: '2026-03-05', settled: [] });
    expect(back.lines.map((row) => [row.name, row.quantity, row.unitPrice, row.rate])).toEqual([['Maszyna', '1', '10000.00', '23'], ['Szkolenie', '1', '1000', '8']]);
    expect(formToInvoice(back, seller, { number: 'FZ/1/03/2026' }).summary).toEqual(invoice.summary);
  });
});

describe('settlement invoice (ROZ) from the form', () => {
  const settled = [
    { sourceId: null, outsideKsef: false, reference: KSEF_ZAL, gross: '5000' },
    { sourceId: null, outsideKsef: true, reference: 'FZ/7/2025', gross: '2 000,00' },
  ];
  const values = testForm({ kind: 'ROZ', saleDate: '2026-03-09', lines: orderLines, advance: { received: '', receivedDate: '', settled } });

  it('shows the whole sale in FaWiersz, lists the advance invoices and reduces P_13/P_14 by them; P_15 is left to pay', () => {
    expect(formIssues(values)).toEqual([]);
    const invoice = formToInvoice(values, seller, { number: 'FV/9/03/2026' });
    expect(parseInvoice(invoice)).toMatchObject({ ok: true });
    expect(invoice.lines.map((row) => [row.name, row.netTotal, row.rate])).toEqual([['Maszyna', '10000.00', '23'], ['Szkolenie', '1000.00', '8']]);
    expect(invoice.advanceInvoices).toEqual([{ ksefNumber: KSEF_ZAL }, { number: 'FZ/7/2025' }]);
    // Advance 5000: 23 % 3736.92 + 859.49, 8 % 373.69 + 29.90 (as on its ZAL above).
    // Advance 2000: 23 % 2000 × 12300/13380 = 1838.5650… → 1838.57, VAT 343.7976… → 343.80, net 1494.77;
    //               8 % 161.43, VAT 11.9578… → 11.96, net 149.47.
    // 23 %: 10000 − 5231.69 = 4768.31, 2300 − 1203.29 = 1096.71; 8 %: 1000 − 523.16 = 476.84, 80 − 41.86 = 38.14.
    expect(invoice.summary).toEqual({ buckets: { '1': { net: '4768.31', vat: '1096.71' }, '2': { net: '476.84', vat: '38.14' } }, gross: '6380.00' });
    expect(settlementOverview(values).advances).toEqual({ buckets: { '1': { net: '5231.69', vat: '1203.29' }, '2': { net: '523.16', vat: '41.86' } }, gross: '7000.00' });
    expect(checkInvoiceRules(invoice).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('settles to zero when the advances paid everything', () => {
    const all = { ...values, advance: { ...values.advance, settled: [{ ...settled[0]!, gross: '13380' }] } };
    expect(formIssues(all)).toEqual([]);
    expect(formToInvoice(all, seller, { number: 'X' }).summary).toEqual({ buckets: { '1': { net: '0.00', vat: '0.00' }, '2': { net: '0.00', vat: '0.00' } }, gross: '0.00' });
  });

  it('refuses no advance invoices, a wrong KSeF number, a missing amount and advances above the sale', () => {
    expect(formIssues({ ...values, advance: { ...values.advance, settled: [] } })).toEqual([{ path: ['advance', 'settled'], message: 'noAdvances' }]);
    const wrong = [
      { sourceId: null, outsideKsef: false, reference: 'FZ/1/2026', gross: '' },
      { sourceId: null, outsideKsef: true, reference: '', gross: '13380.01' },
    ];
    expect(formIssues({ ...values, advance: { ...values.advance, settled: wrong } })).toEqual([
      { path: ['advance', 'settled', 0, 'reference'], message: 'ksefNumber' },
      { path: ['advance', 'settled', 0, 'gross'], message: 'required' },
      { path: ['advance', 'settled', 1, 'reference'], message: 'required' },
      { path: ['advance', 'settled'], message: 'advancesAboveTotal' },
    ]);
  });

  it('comes back into the form with the advance amount when it settles one invoice', () => {
    const one = { ...values, advance: { ...values.advance, settled: [settled[0]!] } };
    const back = invoiceToForm(formToInvoice(one, seller, { number: 'FV/9' }));
    expect(back.advance.settled).toEqual([{ sourceId: null, outsideKsef: false, reference: KSEF_ZAL, gross: '5000.00' }]);
    expect(invoiceToForm(formToInvoice(values, seller, { number: 'FV/9' })).advance.settled.map((entry) => [entry.reference, entry.outsideKsef, entry.gross])).toEqual([
      [KSEF_ZAL, false, ''],
      ['FZ/7/2025', true, ''],
    ]);
  });
});

describe('Annex 15 lines and the split payment', () => {
  it('marks the line P_12_Zal_15 and requires MPP above 15 000 PLN gross for a buyer with NIP', () => {
    // 12195.13 × 1.23: VAT 2804.8799 → 2804.88, gross 15000.01; one grosz less: gross 15000.00.
    const over = testForm({ lines: [line({ unitPrice: '12195,13', annex15: true, gtu: 'GTU_06', pkwiu: '26.20.11.0' })] });
    expect(splitPaymentRequired(over)).toBe(true);
    expect(formIssues(over)).toEqual([{ path: ['payment', 'splitPayment'], message: 'splitRequired' }]);
    const ticked = { ...over, payment: { ...over.payment, splitPayment: true } };
    expect(formIssues(ticked)).toEqual([]);
    const invoice = formToInvoice(ticked, seller, { number: 'FV/1' });
    expect(invoice.lines[0]).toMatchObject({ annex15: true, gtu: 'GTU_06', pkwiu: '26.20.11.0' });
    expect(invoice.annotations.splitPayment).toBe(true);
    expect(splitPaymentRequired(testForm({ lines: [line({ unitPrice: '12195.12', annex15: true })] }))).toBe(false);
    expect(splitPaymentRequired(testForm({ lines: [line({ unitPrice: '12195.13' })] }))).toBe(false);
    expect(splitPaymentRequired({ ...over, buyer: { ...over.buyer, identifierType: 'NONE' } })).toBe(false);
  });

  it('converts another currency at the exchange rate: 3690 EUR × 4.0650 = 14 999.85, × 4.0651 = 15 000.22', () => {
    const eur = (rate: string) => testForm({ currency: 'EUR', exchangeRate: rate, lines: [line({ unitPrice: '3000', annex15: true })] });
    expect(splitPaymentRequired(eur('4,0650'))).toBe(false);
    expect(splitPaymentRequired(eur('4,0651'))).toBe(true);
  });

  it('on an advance invoice counts the whole order, and the order line carries P_12Z_Zal_15', () => {
    const zal = testForm({ kind: 'ZAL', lines: [line({ unitPrice: '20000', annex15: true })], advance: { received: '1000', receivedDate: '2026-03-05', settled: [] } });
    expect(formIssues(zal)).toEqual([{ path: ['payment', 'splitPayment'], message: 'splitRequired' }]);
    const invoice = formToInvoice({ ...zal, payment: { ...zal.payment, splitPayment: true } }, seller, { number: 'FZ/1' });
    expect(invoice.order?.lines[0]?.annex15).toBe(true);
    expect(invoice.annotations.splitPayment).toBe(true);
  });

  it('reads a draft saved before the field existed (no annex15) as unticked', () => {
    const old = { kind: 'VAT', lines: [{ productId: null, name: 'A', quantity: '1', unit: 'szt.', unitPrice: '1', rate: '23', discount: '', pkwiu: '', gtu: '' }] };
    const parsed = issueFormValuesSchema.parse(old);
    expect(parsed.lines[0]?.annex15).toBe(false);
    expect(parsed.advance).toEqual({ received: '', receivedDate: '', settled: [] });
  });
});
