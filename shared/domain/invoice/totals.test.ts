import { describe, expect, it } from 'vitest';
import { computeAdvanceSummary } from './advance';
import type { Invoice, InvoiceLine } from './model';
import { completeInvoice, computeLineAmounts, computeTotals } from './totals';

function invoiceWith(lines: InvoiceLine[], extra: Partial<Invoice> = {}): Invoice {
  return {
    kind: 'VAT',
    number: 'FV/1',
    issueDate: '2026-02-01',
    currency: 'PLN',
    seller: { nip: '5265877635', name: 'S', address: { countryCode: 'PL', line1: 'a' } },
    buyer: { identifier: { type: 'NONE' } },
    thirdParties: [],
    lines,
    annotations: { cashAccounting: false, selfBilling: false, reverseCharge: false, splitPayment: false, simplifiedTriangular: false },
    ...extra,
  };
}

describe('computeLineAmounts', () => {
  it('multiplies quantity by the unit price less the per-unit discount, rounding half-up to grosze', () => {
    expect(computeLineAmounts({ quantity: '20', unitNetPrice: '1000', discount: '100', rate: '23' }).net).toBe('18000.00');
    expect(computeLineAmounts({ quantity: '2.5', unitNetPrice: '3.99', rate: '23' }).net).toBe('9.98'); // 9.975
    expect(computeLineAmounts({ unitNetPrice: '10', rate: '8' })).toEqual({ pricing: 'net', net: '10.00', vat: '0.80', gross: '10.80' });
  });

  it('derives net from gross for gross pricing (art. 106e ust. 7–8)', () => {
    expect(computeLineAmounts({ quantity: '3', unitGrossPrice: '3.33', rate: '23' })).toEqual({
      pricing: 'gross',
      net: '8.12',
      vat: '1.87', // 9.99 × 23 / 123 = 1.868…
      gross: '9.99',
    });
  });

  it('prefers the stated P_11 / P_11A over the computed value', () => {
    expect(computeLineAmounts({ quantity: '3', unitNetPrice: '10', netTotal: '29.99', rate: '23' }).net).toBe('29.99');
    expect(computeLineAmounts({ grossTotal: '123', rate: '23' })).toMatchObject({ net: '100.00', vat: '23.00' });
  });
});

describe('computeTotals', () => {
  it('computes VAT per rate from the summed nets, not line by line', () => {
    const lines = Array.from({ length: 10 }, () => ({ netTotal: '0.02', rate: '23' as const }));
    const totals = computeTotals(invoiceWith(lines));
    // Per line 0.0046 → 0.00 each; per rate 0.20 × 23 % = 0.046 → 0.05.
    expect(totals.summary).toEqual({ buckets: { '1': { net: '0.20', vat: '0.05' } }, gross: '0.25' });
  });

  it('rounds half-up (away from zero) at the half grosz', () => {
    expect(computeTotals(invoiceWith([{ netTotal: '0.50', rate: '5' }])).summary.buckets['3']).toEqual({ net: '0.50', vat: '0.03' });
    expect(computeTotals(invoiceWith([{ netTotal: '10.50', rate: '23' }])).vat).toBe('2.42'); // 2.415
  });

  it('sums 23 % and 22 % into P_13_1, 8 % and 7 % into P_13_2, 4 % and 3 % into P_13_4', () => {
    const totals = computeTotals(
      invoiceWith([
        { netTotal: '100', rate: '23' },
        { netTotal: '100', rate: '22' },
        { netTotal: '10', rate: '8' },
        { netTotal: '10', rate: '7' },
        { netTotal: '100', rate: '4' },
        { netTotal: '100', rate: '3' },
      ]),
    );
    expect(totals.summary.buckets).toEqual({
      '1': { net: '200.00', vat: '45.00' },
      '2': { net: '20.00', vat: '1.50' },
      '4': { net: '200.00', vat: '7.00' },
    });
    expect(totals.byRate.map((rate) => [rate.label, rate.vat])).toEqual([
      ['23', '23.00'],
      ['22', '22.00'],
      ['8', '0.80'],
      ['7', '0.70'],
      ['4', '4.00'],
      ['3', '3.00'],
    ]);
    expect(totals.gross).toBe('473.50');
  });

  it('puts each rate without VAT in its own field and adds it to P_15', () => {
    const totals = computeTotals(
      invoiceWith([
        { netTotal: '1', rate: '0 KR' },
        { netTotal: '2', rate: '0 WDT' },
        { netTotal: '3', rate: '0 EX' },
        { netTotal: '4', rate: 'zw' },
        { netTotal: '5', rate: 'np I' },
        { netTotal: '6', rate: 'np II' },
        { netTotal: '7', rate: 'oo' },
      ]),
    );
    expect(totals.summary).toEqual({
      buckets: {
        '6_1': { net: '1.00' },
        '6_2': { net: '2.00' },
        '6_3': { net: '3.00' },
        '7': { net: '4.00' },
        '8': { net: '5.00' },
        '9': { net: '6.00' },
        '10': { net: '7.00' },
      },
      gross: '28.00',
    });
  });

  it('handles the OSS procedure (P_12_XII) and the margin scheme', () => {
    const oss = computeTotals(invoiceWith([{ netTotal: '100', ossRate: '19' }, { netTotal: '50.5', ossRate: '21' }]));
    expect(oss.summary).toEqual({ buckets: { '5': { net: '150.50', vat: '29.61' } }, gross: '180.11' }); // 19 + 10.605
    const margin = computeTotals(invoiceWith([{ grossTotal: '500' }], { annotations: { ...invoiceWith([]).annotations, margin: 'P_PMarzy_3_1' } }));
    expect(margin.summary).toEqual({ buckets: { '11': { net: '500.00' } }, gross: '500.00' });
  });

  it('computes VAT from the gross sum per rate for gross pricing', () => {
    const totals = computeTotals(invoiceWith([{ grossTotal: '10.00', rate: '8' }, { grossTotal: '123', rate: '23' }, { grossTotal: '0.01', rate: '23' }]));
    // 8 %: 10 × 8/108 = 0.7407 → 0.74; 23 %: 123.01 × 23/123 = 23.0018… → 23.00.
    expect(totals.summary.buckets).toEqual({ '1': { net: '100.01', vat: '23.00' }, '2': { net: '9.26', vat: '0.74' } });
    expect(totals.gross).toBe('133.01');
  });

  it('gives corrections as after − before (StanPrzed rows count negatively)', () => {
    const totals = computeTotals(
      invoiceWith([{ netTotal: '100.50', rate: '23', beforeCorrection: true }, { netTotal: '50.00', rate: '23' }], { kind: 'KOR' }),
    );
    expect(totals.summary).toEqual({ buckets: { '1': { net: '-50.50', vat: '-11.62' } }, gross: '-62.12' }); // −11.615
  });

  it('converts VAT to PLN from the net converted at each line exchange rate', () => {
    const single = computeTotals(invoiceWith([{ netTotal: '100', rate: '23', exchangeRate: '4.3210' }], { currency: 'EUR' }));
    expect(single.summary.buckets['1']).toEqual({ net: '100.00', vat: '23.00', vatPln: '99.38' }); // 432.10 × 23 % = 99.383
    const two = computeTotals(
      invoiceWith(
        [
          { netTotal: '50', rate: '23', exchangeRate: '4.30' },
          { netTotal: '50', rate: '23', exchangeRate: '4.40' },
        ],
        { currency: 'EUR' },
      ),
    );
    expect(two.summary.buckets['1']?.vatPln).toBe('100.05'); // (215 + 220) × 23 %
    expect(two.vatPln).toBe('100.05');
    const missing = computeTotals(invoiceWith([{ netTotal: '100', rate: '23' }], { currency: 'EUR' }));
    expect(missing.summary.buckets['1']).toEqual({ net: '100.00', vat: '23.00' });
    expect(missing.vatPln).toBeUndefined();
  });

  it('matches the totals of the official sample (three lines at 23 %)', () => {
    const totals = computeTotals(
      invoiceWith([
        { quantity: '10', unitNetPrice: '1626.01', rate: '23' },
        { quantity: '20', unitNetPrice: '1000', discount: '100', rate: '23' },
        { quantity: '15', unitNetPrice: '1200', rate: '23' },
      ]),
    );
    expect(totals.summary).toEqual({ buckets: { '1': { net: '52260.10', vat: '12019.82' } }, gross: '64279.92' });
  });
});

describe('completeInvoice', () => {
  it('fills the missing line values and the summary, keeping stated ones', () => {
    const completed = completeInvoice(invoiceWith([{ quantity: '2', unitNetPrice: '10', rate: '23' }, { unitGrossPrice: '12.30', rate: '23' }, { netTotal: '1.00', rate: '23' }]));
    expect(completed.lines.map((line) => [line.netTotal, line.grossTotal])).toEqual([
      ['20.00', undefined],
      [undefined, '12.30'],
      ['1.00', undefined],
    ]);
    expect(completed.summary).toEqual({ buckets: { '1': { net: '31.00', vat: '7.13' } }, gross: '38.13' });
    const stated = { buckets: {}, gross: '1.00' };
    expect(completeInvoice(invoiceWith([], { summary: stated })).summary).toBe(stated);
  });
});

describe('computeAdvanceSummary (ZAL)', () => {
  it('takes VAT out of the advance (× rate / (100 + rate)) and splits it over the order rates by gross share', () => {
    // Order: 1000 net at 23 % (1230 gross) + 1000 net at 8 % (1080 gross) = 2310 gross; advance 1000.
    const order = { value: '2310.00', lines: [{ netTotal: '1000', rate: '23' as const }, { netTotal: '1000', rate: '8' as const }] };
    // 23 %: 1000 × 1230/2310 = 532.47 → VAT 99.57, net 432.90; 8 %: the remaining 467.53 → VAT 34.63, net 432.90.
    expect(computeAdvanceSummary(order, '1000')).toEqual({
      buckets: { '1': { net: '432.90', vat: '99.57' }, '2': { net: '432.90', vat: '34.63' } },
      gross: '1000.00',
    });
    expect(computeAdvanceSummary({ value: '100', lines: [{ netTotal: '100', rate: 'zw' }] }, '50')).toEqual({
      buckets: { '7': { net: '50.00' } },
      gross: '50.00',
    });
  });
});
