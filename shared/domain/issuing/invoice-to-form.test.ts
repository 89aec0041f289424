import { describe, expect, it } from 'vitest';
import { emptyIssueForm, type IssueFormValues } from '../../ipc/channels/issue';
import { formToInvoice } from './form-to-invoice';
import { correctionForm, invoiceToForm } from './invoice-to-form';
import { testBuyer, testForm, testLine, testSeller } from './testing/form-fixtures';

const seller = testSeller();

describe('invoiceToForm', () => {
  it('brings back what the form wrote: buyer, lines with their discount, payment, annotations, notes', () => {
    const base = emptyIssueForm();
    const form: IssueFormValues = {
      ...base,
      seriesId: null,
      number: 'FV/1/03/2026',
      issueDate: '2026-03-09',
      saleDate: '2026-03-08',
      placeOfIssue: 'Warszawa',
      currency: 'EUR',
      exchangeRate: '4.3',
      priceMode: 'gross',
      buyer: { ...base.buyer, identifierType: 'EU_VAT', identifierCountry: 'DE', identifier: '123456789', name: 'Müller GmbH', address: { line1: 'Hauptstr. 1', line2: '10115 Berlin', countryCode: 'DE' }, email: 'a@b.de', saveToBook: true },
      lines: [testLine({ discount: '10' }), testLine({ name: 'Zwolniona', rate: 'zw', gtu: 'GTU_12', pkwiu: '62.01' })],
      payment: { method: '6', dueDate: '2026-03-23', bankAccount: '61109010140000071219812874', splitPayment: true, paid: false, paidDate: '' },
      annotations: { cashAccounting: true, selfBilling: false, reverseCharge: false, exemptionBasis: 'art. 43 ust. 1 pkt 37' },
      additionalDescriptions: [{ key: 'Zamówienie', value: 'Z/1' }],
      notes: 'Dziękujemy',
    };
    const back = invoiceToForm(formToInvoice(form, seller, { number: form.number }));
    expect(back).toEqual({ ...form, correction: base.correction });
  });

  it('starts a correction with the corrected invoice’s lines before and after', () => {
    const invoice = formToInvoice(testForm({ buyer: testBuyer({ name: 'Nowak' }) }), seller, { number: 'FV/9/03/2026' });
    const start = correctionForm(invoice, null, 'abc');
    expect(start.correction).toMatchObject({ sourceId: 'abc', originalNumber: 'FV/9/03/2026', originalIssueDate: '2026-03-09', originalKsefNumber: '' });
    expect(start.correction.linesBefore).toEqual(start.lines);
    expect(start.lines).toEqual([testLine()]);
  });
});
