import { describe, expect, it } from 'vitest';
import { formIssues } from '../../../shared/domain/issuing/form-rules';
import { formToInvoice } from '../../../shared/domain/issuing/form-to-invoice';
import { emptyIssueForm, type FormLine, type IssueFormValues, type SellerProfile } from '../../../shared/ipc/channels/issue';
import { validateWithXmllint, xsdBatchUnavailableReason } from '../invoices/testing/xsd-batch';
import { writeInvoiceXml } from '../invoices/xml';

const unavailable = xsdBatchUnavailableReason();

const seller: SellerProfile = {
  nip: '5265877635',
  name: 'Kowalski Usługi',
  address: { line1: 'ul. Prosta 1', line2: '00-001 Warszawa', countryCode: 'PL' },
  email: 'biuro@example.pl',
  phone: '',
  bankAccounts: [],
  krs: '0000123456',
  regon: '123456785',
  bdo: '',
  defaultPaymentDays: 14,
  defaultPaymentMethod: '6',
  defaultPlaceOfIssue: 'Warszawa',
};
const line = (overrides: Partial<FormLine> = {}): FormLine => ({ productId: null, name: 'Usługa', quantity: '2', unit: 'h', unitPrice: '150,50', rate: '23', discount: '', pkwiu: '', gtu: '', ...overrides });
const base = emptyIssueForm();
const buyer = { ...base.buyer, identifier: '7171642051', name: 'Nowak Handel', address: { line1: 'ul. Długa 5', line2: '30-001 Kraków', countryCode: 'PL' } };
const common: IssueFormValues = { ...base, seriesId: '00000000-0000-4000-8000-000000000000', issueDate: '2026-03-09', saleDate: '2026-03-08', placeOfIssue: 'Warszawa', buyer, lines: [line()] };

/** Every kind and buyer type the form offers, with the options that change the XML. */
const CASES: [string, IssueFormValues][] = [
  ['VAT, two rates, a discount, bank account, paid', { ...common, lines: [line(), line({ rate: '8', discount: '5' })], payment: { ...base.payment, dueDate: '2026-03-23', bankAccount: 'PL61109010140000071219812874', paid: true, paidDate: '2026-03-09' } }],
  ['VAT in EUR to an EU buyer, gross prices', { ...common, currency: 'EUR', exchangeRate: '4,3215', priceMode: 'gross', buyer: { ...buyer, identifierType: 'EU_VAT', identifierCountry: 'DE', identifier: '123456789', address: { line1: 'Hauptstr. 1', line2: '10115 Berlin', countryCode: 'DE' } }, lines: [line({ rate: '0 WDT' })] }],
  ['VAT to a foreign buyer, exempt line, split payment, annotations, descriptions', { ...common, buyer: { ...buyer, identifierType: 'FOREIGN', identifierCountry: 'US', identifier: '12-3456789' }, lines: [line({ rate: 'zw' }), line()], annotations: { ...base.annotations, exemptionBasis: 'art. 43 ust. 1 pkt 37 ustawy o VAT', cashAccounting: true }, payment: { ...base.payment, splitPayment: true }, additionalDescriptions: [{ key: 'Zamówienie', value: 'Z/12/2026' }], notes: 'Dziękujemy' }],
  ['UPR to a consumer', { ...common, kind: 'UPR', buyer: { ...buyer, identifierType: 'NONE', identifier: '', address: { line1: '', line2: '', countryCode: 'PL' } } }],
  ['ZAL', { ...common, kind: 'ZAL' }],
  ['ROZ', { ...common, kind: 'ROZ' }],
  ['KOR with before rows and the KSeF number', { ...common, kind: 'KOR', correction: { ...base.correction, reason: 'Rabat', originalNumber: 'FV/1/03/2026', originalIssueDate: '2026-03-01', originalKsefNumber: '5265877635-20260301-0123456789AB-CD', linesBefore: [line({ unitPrice: '200' })] } }],
];

describe.skipIf(unavailable !== undefined)(`the form makes XSD-valid FA(3) for every kind it offers (xmllint)${unavailable ? ` — skipped: ${unavailable}` : ''}`, () => {
  it('validates every case in one xmllint run', () => {
    const xmls = CASES.map(([name, values]) => {
      expect(formIssues(values), name).toEqual([]);
      return writeInvoiceXml(formToInvoice(values, seller, { number: 'FV/7/03/2026' }), { now: () => new Date('2026-03-09T10:00:00Z') });
    });
    const results = validateWithXmllint(xmls);
    expect(results.map((result, index) => ({ name: CASES[index]![0], ...result }))).toEqual(CASES.map(([name]) => ({ name, valid: true, errors: [] })));
  });
});
