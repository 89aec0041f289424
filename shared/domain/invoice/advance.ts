/**
 * Advance invoices (ZAL): the summary of a payment received before the sale, split over the order's rates.
 * Art. 106f ust. 1 pkt 3: VAT = advance × rate / (100 + rate). With several rates the advance is divided in
 * proportion to each rate's gross share of the order (rounded half-up to grosze; the last rate takes the
 * remainder so the parts add up to the advance exactly).
 */
import Decimal from 'decimal.js';
import { RATE_BUCKET, VAT_BUCKETS, ratePercent } from './codes';
import type { SummaryBucket } from './codes';
import type { BucketTotal, Invoice, InvoiceSummary, Order } from './model';
import { computeTotals } from './totals';

const D = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The order's totals per rate, computed like an invoice's (nets summed per rate, VAT per rate). */
export function orderTotals(order: Order) {
  const pseudo: Invoice = {
    kind: 'ZAL',
    number: '',
    issueDate: '',
    currency: 'PLN',
    seller: { nip: '', name: '', address: { countryCode: 'PL', line1: '' } },
    buyer: { identifier: { type: 'NONE' } },
    thirdParties: [],
    lines: order.lines.map((line) => ({
      ...(line.netTotal !== undefined ? { netTotal: line.netTotal } : {}),
      ...(line.unitNetPrice !== undefined ? { unitNetPrice: line.unitNetPrice } : {}),
      ...(line.quantity !== undefined ? { quantity: line.quantity } : {}),
      ...(line.rate !== undefined ? { rate: line.rate } : {}),
      ...(line.ossRate !== undefined ? { ossRate: line.ossRate } : {}),
      ...(line.beforeCorrection ? { beforeCorrection: true } : {}),
    })),
    annotations: { cashAccounting: false, selfBilling: false, reverseCharge: false, splitPayment: false, simplifiedTriangular: false },
  };
  return computeTotals(pseudo);
}

/** P_13_x/P_14_x/P_15 of an advance invoice for `received` (gross) paid towards `order`. */
export function computeAdvanceSummary(order: Order, received: string): InvoiceSummary {
  const rates = orderTotals(order).byRate.filter((rate) => !new D(rate.gross).isZero());
  const orderGross = rates.reduce((sum, rate) => sum.plus(rate.gross), new D(0));
  const buckets: Partial<Record<SummaryBucket, BucketTotal>> = {};
  let remaining = new D(received);
  rates.forEach((rate, index) => {
    const part = index === rates.length - 1 || orderGross.isZero() ? remaining : round2(new D(received).times(rate.gross).div(orderGross));
    remaining = remaining.minus(part);
    const percentText = rate.rate ? ratePercent(rate.rate) : rate.label.startsWith('OSS ') ? rate.label.slice(4) : null;
    const vat = percentText ? round2(part.times(percentText).div(new D(percentText).plus(100))) : new D(0);
    const bucket = rate.rate ? RATE_BUCKET[rate.rate] : rate.bucket;
    const current = buckets[bucket];
    const net = part.minus(vat).plus(current?.net ?? 0);
    const entry: BucketTotal = { net: net.toFixed(2) };
    if (VAT_BUCKETS.includes(bucket)) entry.vat = vat.plus(current?.vat ?? 0).toFixed(2);
    buckets[bucket] = entry;
  });
  return { buckets, gross: new D(received).toFixed(2) };
}
