import { describe, expect, it } from 'vitest';
import { emptyIssueForm, type FormLine } from '../../ipc/channels/issue-form';
import { computeTotals, parseInvoice } from '../invoice';
import { formIssues } from './form-rules';
import { formToInvoice } from './form-to-invoice';
import { testBuyer, testForm, testLine, testSeller } from './testing/form-fixtures';

const seller = testSeller({ email: 'biuro@kowalski.pl', regon: '123456785' });

const line = (overrides: Partial<FormLine>): FormLine => testLine({ quantity: '1', unit: 'szt.', unitPrice: '100', ...overrides });

describe('formToInvoice', () => {
  it('makes a valid VAT invoice with totals per rate, a comma decimal and a percent discount', () => {
    const values = testForm({
      lines: [line({ name: 'Projekt strony', quantity: '1', unitPrice: '1 200,00' }), line({ name: 'Hosting', quantity: '12', unit: 'mies.', unitPrice: '19,99', rate: '8', discount: '10' })],
      payment: { ...emptyIssueForm().payment, dueDate: '2026-03-23', bankAccount: '61 1090 1014 0000 0712 1981 2874' },
      notes: 'Dziękujemy za zakupy',
    });
    expect(formIssues(values)).toEqual([]);
    const invoice = formToInvoice(values, seller, { number: 'FV/1/03/2026' });
    const parsed = parseInvoice(invoice);
    expect(parsed).toMatchObject({ ok: true });
    // 12 × (19.99 − 1.999) = 215.892 → 215.89; VAT 8 % = 17.27
    expect(invoice.lines[1]).toMatchObject({ discount: '1.999', netTotal: '215.89', rate: '8' });
    const totals = computeTotals(invoice);
    expect(totals.byRate.map((rate) => [rate.label, rate.net, rate.vat])).toEqual([['23', '1200.00', '276.00'], ['8', '215.89', '17.27']]);
    expect(totals.gross).toBe('1709.16');
    expect(invoice.payment).toEqual({ dueDates: [{ date: '2026-03-23' }], method: '6', bankAccounts: [{ number: '61109010140000071219812874' }] });
    expect(invoice.footer).toEqual({ information: [{ text: 'Dziękujemy za zakupy' }], registers: [{ regon: '123456785' }] });
  });

  it('prices in gross and computes VAT from the gross per rate', () => {
    const invoice = formToInvoice(testForm({ priceMode: 'gross', lines: [line({ unitPrice: '123' }), line({ unitPrice: '0.01' })] }), seller, { number: 'X' });
    expect(computeTotals(invoice)).toMatchObject({ net: '100.01', vat: '23.00', gross: '123.01' });
  });

  it('writes a correction with its before rows and the corrected invoice', () => {
    const values = testForm({
      kind: 'KOR',
      lines: [line({ unitPrice: '80' })],
      correction: { ...emptyIssueForm().correction, reason: 'Rabat', originalNumber: 'FV/1/03/2026', originalIssueDate: '2026-03-01', linesBefore: [line({ unitPrice: '100' })] },
    });
    expect(formIssues(values)).toEqual([]);
    const invoice = formToInvoice(values, seller, { number: 'KOR/1/03/2026' });
    expect(parseInvoice(invoice)).toMatchObject({ ok: true });
    expect(invoice.lines.map((row) => row.beforeCorrection ?? false)).toEqual([true, false]);
    expect(invoice.correction).toEqual({ reason: 'Rabat', type: '2', corrected: [{ issueDate: '2026-03-01', number: 'FV/1/03/2026' }] });
    expect(computeTotals(invoice)).toMatchObject({ net: '-20.00', vat: '-4.60', gross: '-24.60' });
  });

  it('says what is wrong at the field', () => {
    const values = testForm({
      issueDate: '2026-02-30',
      currency: 'EUR',
      buyer: testBuyer({ identifier: '7171642052' }),
      lines: [line({ quantity: '0', unitPrice: 'abc', rate: '19', discount: '120' })],
    });
    expect(formIssues(values)).toEqual(
      expect.arrayContaining([
        { path: ['issueDate'], message: 'date' },
        { path: ['exchangeRate'], message: 'exchangeRate' },
        { path: ['buyer', 'identifier'], message: 'identifier.NIP_CHECKSUM' },
        { path: ['lines', 0, 'quantity'], message: 'quantity' },
        { path: ['lines', 0, 'unitPrice'], message: 'price' },
        { path: ['lines', 0, 'rate'], message: 'rate' },
        { path: ['lines', 0, 'discount'], message: 'discount' },
      ]),
    );
  });
});
