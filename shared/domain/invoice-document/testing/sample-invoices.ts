/** Hand-written invoices for the document tests: Polish words, a third party, another currency, a correction. */
import type { Invoice } from '../../invoice/model';

export const POLISH_LETTERS = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';

export function domesticInvoice(): Invoice {
  return {
    kind: 'VAT',
    number: 'FV/7/02/2026',
    issueDate: '2026-02-03',
    issuePlace: 'Łódź',
    saleDate: '2026-02-02',
    currency: 'PLN',
    seller: {
      nip: '5265877635',
      name: `Zakład Ślusarski „Żuraw” ${POLISH_LETTERS}`,
      address: { countryCode: 'PL', line1: 'ul. Źródlana 5', line2: '90-001 Łódź' },
      contacts: [{ email: 'biuro@zuraw.example', phone: '+48 600 100 200' }],
    },
    buyer: {
      identifier: { type: 'NIP', value: '9795075130' },
      name: 'Gęślą Jaźń sp. z o.o.',
      address: { countryCode: 'PL', line1: 'ul. Ćmielowska 12/3', line2: '00-950 Warszawa' },
    },
    thirdParties: [
      {
        identifier: { type: 'NIP', value: '1111111111' },
        name: 'Faktoring Łąka S.A.',
        address: { countryCode: 'PL', line1: 'al. Niepodległości 1', line2: '00-001 Warszawa' },
        role: '1',
      },
    ],
    lines: [
      { name: 'Naprawa ogrodzenia – spawanie', unit: 'godz.', quantity: '3', unitNetPrice: '150.00', netTotal: '450.00', rate: '23' },
      { name: 'Pręt stalowy ø12', unit: 'szt.', quantity: '10', unitNetPrice: '12.35', netTotal: '123.50', rate: '8', gtin: '5901234123457' },
      { name: 'Usługa zwolniona', unit: 'usł.', quantity: '1', unitNetPrice: '99.99', netTotal: '99.99', rate: 'zw' },
    ],
    summary: {
      buckets: { '1': { net: '450.00', vat: '103.50' }, '2': { net: '123.50', vat: '9.88' }, '7': { net: '99.99' } },
      gross: '786.87',
    },
    annotations: {
      cashAccounting: false,
      selfBilling: false,
      reverseCharge: false,
      splitPayment: true,
      simplifiedTriangular: false,
      exemption: { basis: 'P_19A', text: 'art. 43 ust. 1 pkt 37 ustawy o VAT' },
    },
    additionalInfo: [{ key: 'Numer zamówienia', value: 'ZAM/ŁÓDŹ/1' }],
    payment: {
      method: '6',
      dueDates: [{ date: '2026-02-17' }],
      bankAccounts: [{ number: 'PL61109010140000071219812874', bankName: 'Bank Śląski' }],
    },
    footer: {
      information: [{ text: 'Dziękujemy za współpracę!' }],
      registers: [{ krs: '0000123456', regon: '123456785', bdo: '000012345' }],
    },
  };
}

export function foreignCorrection(): Invoice {
  return {
    kind: 'KOR',
    number: 'KOR/1/2026',
    issueDate: '2026-03-10',
    currency: 'EUR',
    seller: { nip: '5265877635', name: 'Eksport Żółw', address: { countryCode: 'PL', line1: 'ul. Długa 1', line2: '80-001 Gdańsk' } },
    buyer: { identifier: { type: 'EU_VAT', countryCode: 'DE', value: '123456789' }, name: 'Müller GmbH', address: { countryCode: 'DE', line1: 'Hauptstraße 1', line2: '10115 Berlin' } },
    thirdParties: [],
    lines: [
      { name: 'Usługa doradcza', unit: 'h', quantity: '10', unitNetPrice: '100', netTotal: '1000.00', rate: '23', exchangeRate: '4.3000', beforeCorrection: true },
      { name: 'Usługa doradcza', unit: 'h', quantity: '8', unitNetPrice: '100', netTotal: '800.00', rate: '23', exchangeRate: '4.3000' },
    ],
    summary: { buckets: { '1': { net: '-200.00', vat: '-46.00', vatPln: '-197.80' } }, gross: '-246.00' },
    annotations: { cashAccounting: false, selfBilling: false, reverseCharge: false, splitPayment: false, simplifiedTriangular: false },
    correction: {
      reason: 'Zmniejszenie liczby godzin',
      type: '2',
      corrected: [{ issueDate: '2026-02-28', number: 'FV/2/2026', ksefNumber: '5265877635-20260228-0100001AB2C3-4D' }],
    },
  };
}
