import { describe, expect, it } from 'vitest';
import { testSeller } from '../../../shared/domain/issuing/testing/form-fixtures';
import type { NumberingSeries } from '../../../shared/ipc/channels/issue';
import { formatAccountNumber, withDecimalComma } from './format';
import { addDays, emptyLine, newInvoiceForm } from './new-form';

const series: NumberingSeries[] = [
  { id: 'a', name: 'Faktury', pattern: 'FV/{nr}/{MM}/{RRRR}', reset: 'auto', isDefault: true },
  { id: 'b', name: 'Korekty', pattern: 'KOR/{nr}/{MM}/{RRRR}', reset: 'auto', isDefault: false },
];
const profile = testSeller({
  name: 'Kowalski',
  address: { line1: 'ul. Prosta 1', line2: '', countryCode: 'PL' },
  bankAccounts: [{ iban: '61109010140000071219812874', bankName: '' }],
  defaultPlaceOfIssue: 'Kraków',
});

describe('issuing form helpers', () => {
  it('starts a new invoice with the company defaults', () => {
    const form = newInvoiceForm(profile, series, '2026-12-20');
    expect(form).toMatchObject({ seriesId: 'a', issueDate: '2026-12-20', saleDate: '2026-12-20', placeOfIssue: 'Kraków', lines: [emptyLine()] });
    expect(form.payment).toMatchObject({ method: '6', dueDate: '2027-01-03', bankAccount: '61109010140000071219812874' });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('prints accounts as Polish invoices do and decimals as Polish users type them', () => {
    expect(formatAccountNumber('61109010140000071219812874')).toBe('61 1090 1014 0000 0712 1981 2874');
    expect(formatAccountNumber('PL61109010140000071219812874')).toBe('PL61 1090 1014 0000 0712 1981 2874');
    const line = { ...emptyLine(), quantity: '1.5', unitPrice: '2500.00', discount: '' };
    expect(withDecimalComma([line], 'pl')).toEqual([{ ...line, quantity: '1,5', unitPrice: '2500,00' }]);
    expect(withDecimalComma([line], 'en')).toEqual([line]);
  });
});
