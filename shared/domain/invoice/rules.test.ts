import { describe, expect, it } from 'vitest';
import { describeInvoice } from './describe';
import { formatIban, isValidIban } from './iban';
import type { Invoice } from './model';
import { applySplitPaymentRule, checkInvoiceRules, isSplitPaymentRequired } from './rules';
import { parseInvoice } from './schema';

function invoice(extra: Partial<Invoice> = {}): Invoice {
  return {
    kind: 'VAT',
    number: 'FV/1',
    issueDate: '2026-02-01',
    currency: 'PLN',
    seller: { nip: '5265877635', name: 'Sprzedawca', address: { countryCode: 'PL', line1: 'a' } },
    buyer: { identifier: { type: 'NIP', value: '7352765225' }, name: 'Nabywca' },
    thirdParties: [],
    lines: [{ name: 'stal', netTotal: '12195.13', rate: '23', annex15: true }],
    annotations: { cashAccounting: false, selfBilling: false, reverseCharge: false, splitPayment: false, simplifiedTriangular: false },
    ...extra,
  };
}

describe('IBAN', () => {
  it('accepts valid IBANs and Polish NRB numbers, with or without spaces', () => {
    expect(isValidIban('PL61109010140000071219812874')).toBe(true);
    expect(isValidIban('61 1090 1014 0000 0712 1981 2874')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(formatIban('PL61109010140000071219812874')).toBe('PL61 1090 1014 0000 0712 1981 2874');
  });

  it('rejects a wrong check digit, a wrong length and garbage', () => {
    expect(isValidIban('PL62109010140000071219812874')).toBe(false);
    expect(isValidIban('PL6110901014000007121981287')).toBe(false);
    expect(isValidIban('hello')).toBe(false);
  });
});

describe('split payment (MPP, P_18A)', () => {
  it('is required above 15 000 PLN gross with an Annex 15 line for a taxpayer buyer', () => {
    // 12195.13 × 1.23 = 15000.01 gross
    expect(isSplitPaymentRequired(invoice())).toBe(true);
    expect(applySplitPaymentRule(invoice()).annotations.splitPayment).toBe(true);
    expect(checkInvoiceRules(invoice()).map((issue) => issue.code)).toContain('SPLIT_PAYMENT_REQUIRED');
  });

  it('is not required at exactly 15 000, without Annex 15 goods or for a consumer', () => {
    expect(isSplitPaymentRequired(invoice({ lines: [{ netTotal: '12195.12', rate: '23', annex15: true }] }))).toBe(false); // exactly 15000.00
    expect(isSplitPaymentRequired(invoice({ lines: [{ netTotal: '20000', rate: '23' }] }))).toBe(false);
    expect(isSplitPaymentRequired(invoice({ buyer: { identifier: { type: 'NONE' } } }))).toBe(false);
  });

  it('converts another currency at the line exchange rate', () => {
    const eur = (rate: string) => invoice({ currency: 'EUR', lines: [{ netTotal: '3000', rate: '23', annex15: true, exchangeRate: rate }] });
    expect(isSplitPaymentRequired(eur('4.30'))).toBe(true); // 3690 EUR × 4.30 = 15 867 PLN
    expect(isSplitPaymentRequired(eur('4.00'))).toBe(false); // 14 760 PLN
  });
});

describe('checkInvoiceRules', () => {
  it('flags checksum, account, correction, exemption and reverse-charge problems at their paths', () => {
    const issues = checkInvoiceRules(
      invoice({
        kind: 'KOR',
        seller: { nip: '5265877636', name: 'x', address: { countryCode: 'PL', line1: 'a' } },
        lines: [
          { netTotal: '1', rate: 'zw' },
          { netTotal: '1', rate: 'oo' },
        ],
        payment: { bankAccounts: [{ number: 'PL62109010140000071219812874' }] },
        summary: { buckets: { '7': { net: '1.00' } }, gross: '5.00' },
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: 'SELLER_NIP_CHECKSUM', severity: 'error', path: 'seller.nip' },
        { code: 'BANK_ACCOUNT_INVALID', severity: 'warning', path: 'payment.bankAccounts.0.number' },
        { code: 'CORRECTION_DATA_MISSING', severity: 'error', path: 'correction' },
        { code: 'EXEMPTION_BASIS_MISSING', severity: 'error', path: 'annotations.exemption' },
        { code: 'REVERSE_CHARGE_NOT_ANNOTATED', severity: 'error', path: 'annotations.reverseCharge' },
        { code: 'SUMMARY_MISMATCH', severity: 'warning', path: 'summary' },
      ]),
    );
  });

  it('refuses an issue date after today when today is given', () => {
    expect(checkInvoiceRules(invoice(), { today: '2026-01-31' }).map((issue) => issue.code)).toContain('ISSUE_DATE_IN_FUTURE');
    expect(checkInvoiceRules(invoice(), { today: '2026-02-01' }).map((issue) => issue.code)).not.toContain('ISSUE_DATE_IN_FUTURE');
  });

  it('finds nothing wrong with a consistent invoice', () => {
    const clean = applySplitPaymentRule(invoice({ payment: { bankAccounts: [{ number: 'PL61109010140000071219812874' }] } }));
    expect(checkInvoiceRules(clean)).toEqual([]);
  });
});

describe('invoiceSchema', () => {
  it('refuses characters XML cannot carry or KSeF rejects (PROTOCOL.md §8)', () => {
    for (const bad of ['a\u0001', 'a\u0080', 'a\uFDD0', 'a\u{1FFFF}']) {
      const parsed = parseInvoice({ ...invoice(), number: bad });
      expect(parsed.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseInvoice({ ...invoice(), number: 'FV/1 ąę € 😀' }).ok).toBe(true);
  });

  it('accepts the model and fills defaults for omitted lists and annotations', () => {
    const { thirdParties: _thirdParties, annotations: _annotations, ...minimal } = invoice();
    const parsed = parseInvoice(minimal);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.invoice.thirdParties).toEqual([]);
  });

  it('rejects what the XSD would reject, naming the field', () => {
    const parsed = parseInvoice({
      ...invoice(),
      currency: 'XYZ',
      issueDate: '2026-02-30',
      buyer: { identifier: { type: 'EU_VAT', countryCode: 'US', value: 'abc' } },
      thirdParties: [{ identifier: { type: 'NONE' }, role: '1', otherRole: 'x' }],
      lines: [{ netTotal: '1.234', rate: '24' }],
      saleDate: '2026-02-01',
      salePeriod: { from: '2026-02-01', to: '2026-02-02' },
      surprise: true,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.issues.map((issue) => issue.path);
    for (const path of ['currency', 'issueDate', 'buyer.identifier.countryCode', 'buyer.identifier.value', 'thirdParties.0.role', 'lines.0.netTotal', 'lines.0.rate']) {
      expect(paths).toContain(path);
    }
    expect(parsed.issues.some((issue) => issue.path === '(root)' && /surprise/.test(issue.message))).toBe(true);
  });
});

describe('describeInvoice', () => {
  it('gives one list row', () => {
    expect(describeInvoice(invoice({ buyer: { identifier: { type: 'EU_VAT', countryCode: 'DE', value: '123456789' }, name: 'GmbH' } }))).toEqual({
      kind: 'VAT',
      number: 'FV/1',
      issueDate: '2026-02-01',
      sellerNip: '5265877635',
      sellerName: 'Sprzedawca',
      buyerName: 'GmbH',
      buyerIdentifier: 'DE123456789',
      grossTotal: '15000.01',
      currency: 'PLN',
    });
  });
});
