/**
 * Invoice totals exactly as FA(3) states them (P_13_x net, P_14_x VAT, P_14_xW VAT in PLN, P_15 gross).
 *
 * Rounding (documented in README.md, "Invoice totals"):
 * - Every rounding is to 2 decimals (grosze), half away from zero ("half-up" for commercial amounts:
 *   0.005 → 0.01, -0.005 → -0.01).
 * - A line's value: net pricing P_11 = round(P_8B × (P_9A − P_10)) — P_10 is a per-unit discount (TKwotowy2,
 *   as the official samples use it); quantity 1 when absent. Gross pricing (art. 106e ust. 7–8) likewise
 *   P_11A = round(P_8B × (P_9B − P_10)). A stated P_11/P_11A always wins over the computed one.
 * - VAT is NOT summed line by line: per rate, the line nets are summed and VAT = round(Σnet × rate / 100).
 *   With gross pricing, per rate Σgross is summed, VAT = round(Σgross × rate / (100 + rate)), net = Σgross − VAT.
 *   A rate whose lines mix both pricings is computed as net (gross lines contribute their own net).
 * - Rates sharing a bucket (23 and 22 → P_13_1, 8 and 7 → P_13_2, 4 and 3 → P_13_4, OSS rates → P_13_5) are
 *   computed per rate and then added.
 * - Corrections: lines marked StanPrzed (beforeCorrection) count negatively, so P_13_x/P_14_x are the
 *   differences after − before.
 * - Another currency: per rate and exchange rate (KursWaluty of the lines), netPLN = round(Σnet × rate of
 *   exchange); P_14_xW = round(ΣnetPLN × rate / 100). P_14_xW is left out when a line has no exchange rate.
 * - P_15 = Σ P_13_x + Σ P_14_x over all buckets (P_14_xW is informational and not added).
 */
import Decimal from 'decimal.js';
import { MARGIN_BUCKET, OSS_BUCKET, RATE_BUCKET, VAT_BUCKETS, VAT_PLN_BUCKETS, ratePercent } from './codes';
import type { SummaryBucket, VatRate } from './codes';
import type { BucketTotal, Invoice, InvoiceLine, InvoiceSummary } from './model';

const D = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type Dec = InstanceType<typeof D>;
const ZERO = new D(0);

const round2 = (value: Dec): Dec => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const text2 = (value: Dec): string => {
  const fixed = round2(value).toFixed(2);
  return fixed === '-0.00' ? '0.00' : fixed;
};

export type LinePricing = 'net' | 'gross';

export interface LineAmounts {
  pricing: LinePricing;
  net: string;
  vat: string;
  gross: string;
}

function linePricing(line: InvoiceLine): LinePricing {
  if (line.netTotal !== undefined) return 'net';
  if (line.grossTotal !== undefined || line.unitGrossPrice !== undefined) return 'gross';
  return 'net';
}

function lineValue(line: InvoiceLine, pricing: LinePricing): Dec {
  const stated = pricing === 'net' ? line.netTotal : line.grossTotal;
  if (stated !== undefined) return new D(stated);
  const unitPrice = pricing === 'net' ? line.unitNetPrice : line.unitGrossPrice;
  if (unitPrice === undefined) return ZERO;
  const discounted = new D(unitPrice).minus(line.discount ?? 0);
  return round2(discounted.times(line.quantity ?? 1));
}

function percentOfRate(line: InvoiceLine): Dec | null {
  if (line.rate !== undefined) {
    const percent = ratePercent(line.rate);
    return percent === null ? null : new D(percent);
  }
  return line.ossRate !== undefined ? new D(line.ossRate) : null;
}

/** One line's net, VAT and gross (VAT per line is informational: invoice VAT is computed per rate). */
export function computeLineAmounts(line: InvoiceLine): LineAmounts {
  const pricing = linePricing(line);
  const value = lineValue(line, pricing);
  const percent = percentOfRate(line);
  if (pricing === 'net') {
    const vat = line.vatTotal !== undefined ? new D(line.vatTotal) : percent ? round2(value.times(percent).div(100)) : ZERO;
    return { pricing, net: text2(value), vat: text2(vat), gross: text2(value.plus(vat)) };
  }
  const vat =
    line.vatTotal !== undefined ? new D(line.vatTotal) : percent ? round2(value.times(percent).div(percent.plus(100))) : ZERO;
  return { pricing, net: text2(value.minus(vat)), vat: text2(vat), gross: text2(value) };
}

/** A rate's identity within its bucket: the P_12 code, `OSS <percent>` or `margin`. */
export interface RateTotal {
  label: string;
  rate?: VatRate;
  bucket: SummaryBucket;
  net: string;
  vat: string;
  gross: string;
  vatPln?: string;
}

export interface ComputedTotals {
  summary: InvoiceSummary;
  byRate: RateTotal[];
  net: string;
  vat: string;
  gross: string;
  /** Σ P_14_xW when the invoice is in another currency and every line has an exchange rate. */
  vatPln?: string;
}

interface RateGroup {
  label: string;
  rate?: VatRate;
  bucket: SummaryBucket;
  percent: Dec | null;
  lines: InvoiceLine[];
}

function groupKey(line: InvoiceLine, isMargin: boolean): Omit<RateGroup, 'lines'> | null {
  if (line.rate !== undefined) {
    return { label: line.rate, rate: line.rate, bucket: RATE_BUCKET[line.rate], percent: percentOfRate(line) };
  }
  if (line.ossRate !== undefined) return { label: `OSS ${line.ossRate}`, bucket: OSS_BUCKET, percent: new D(line.ossRate) };
  if (isMargin) return { label: 'margin', bucket: MARGIN_BUCKET, percent: null };
  return null;
}

function groupLines(invoice: Invoice): RateGroup[] {
  const groups = new Map<string, RateGroup>();
  const isMargin = invoice.annotations.margin !== undefined;
  for (const line of invoice.lines) {
    const key = groupKey(line, isMargin);
    if (!key) continue;
    const group = groups.get(key.label) ?? { ...key, lines: [] };
    group.lines.push(line);
    groups.set(key.label, group);
  }
  return [...groups.values()];
}

function computeGroup(group: RateGroup, foreignCurrency: boolean): { net: Dec; vat: Dec; vatPln: Dec | null } {
  const signed = (line: InvoiceLine, value: Dec) => (line.beforeCorrection ? value.negated() : value);
  const allGross = group.lines.every((line) => linePricing(line) === 'gross');
  const percent = group.percent;
  // Net per exchange rate, for the PLN conversion; '' collects lines without a rate.
  const netByExchange = new Map<string, Dec>();
  let net: Dec;
  let vat: Dec;
  if (allGross) {
    const grossByExchange = new Map<string, Dec>();
    let gross = ZERO;
    for (const line of group.lines) {
      const value = signed(line, lineValue(line, 'gross'));
      gross = gross.plus(value);
      const key = line.exchangeRate ?? '';
      grossByExchange.set(key, (grossByExchange.get(key) ?? ZERO).plus(value));
    }
    vat = percent ? round2(gross.times(percent).div(percent.plus(100))) : ZERO;
    net = gross.minus(vat);
    for (const [key, part] of grossByExchange) {
      const partVat = percent ? round2(part.times(percent).div(percent.plus(100))) : ZERO;
      netByExchange.set(key, part.minus(partVat));
    }
  } else {
    net = ZERO;
    for (const line of group.lines) {
      const pricing = linePricing(line);
      const value = signed(line, pricing === 'net' ? lineValue(line, 'net') : new D(computeLineAmounts(line).net));
      net = net.plus(value);
      const key = line.exchangeRate ?? '';
      netByExchange.set(key, (netByExchange.get(key) ?? ZERO).plus(value));
    }
    vat = percent ? round2(net.times(percent).div(100)) : ZERO;
  }
  let vatPln: Dec | null = null;
  if (foreignCurrency && !netByExchange.has('')) {
    let netPln = ZERO;
    for (const [exchange, part] of netByExchange) netPln = netPln.plus(round2(part.times(exchange)));
    vatPln = percent ? round2(netPln.times(percent).div(100)) : ZERO;
  }
  return { net, vat, vatPln };
}

/** Totals per rate, per FA(3) bucket and overall, computed from the lines (see the rounding rules above). */
export function computeTotals(invoice: Invoice): ComputedTotals {
  const foreignCurrency = invoice.currency !== 'PLN';
  const buckets: Partial<Record<SummaryBucket, { net: Dec; vat: Dec; vatPln: Dec | null }>> = {};
  const byRate: RateTotal[] = [];
  let totalNet = ZERO;
  let totalVat = ZERO;
  let totalVatPln: Dec | null = foreignCurrency ? ZERO : null;
  for (const group of groupLines(invoice)) {
    const { net, vat, vatPln } = computeGroup(group, foreignCurrency);
    const bucket = buckets[group.bucket] ?? { net: ZERO, vat: ZERO, vatPln: ZERO };
    bucket.net = bucket.net.plus(net);
    bucket.vat = bucket.vat.plus(vat);
    bucket.vatPln = bucket.vatPln === null || vatPln === null ? null : bucket.vatPln.plus(vatPln);
    buckets[group.bucket] = bucket;
    totalNet = totalNet.plus(net);
    totalVat = totalVat.plus(vat);
    totalVatPln = totalVatPln === null || vatPln === null ? null : totalVatPln.plus(vatPln);
    byRate.push({
      label: group.label,
      ...(group.rate ? { rate: group.rate } : {}),
      bucket: group.bucket,
      net: text2(net),
      vat: text2(vat),
      gross: text2(net.plus(vat)),
      ...(vatPln !== null && foreignCurrency ? { vatPln: text2(vatPln) } : {}),
    });
  }
  const summaryBuckets: Partial<Record<SummaryBucket, BucketTotal>> = {};
  for (const [bucket, total] of Object.entries(buckets) as [SummaryBucket, { net: Dec; vat: Dec; vatPln: Dec | null }][]) {
    const entry: BucketTotal = { net: text2(total.net) };
    if (VAT_BUCKETS.includes(bucket)) entry.vat = text2(total.vat);
    if (foreignCurrency && total.vatPln !== null && VAT_PLN_BUCKETS.includes(bucket)) entry.vatPln = text2(total.vatPln);
    summaryBuckets[bucket] = entry;
  }
  const gross = totalNet.plus(totalVat);
  return {
    summary: { buckets: summaryBuckets, gross: text2(gross) },
    byRate,
    net: text2(totalNet),
    vat: text2(totalVat),
    gross: text2(gross),
    ...(totalVatPln !== null ? { vatPln: text2(totalVatPln) } : {}),
  };
}

/** The summary to write: the one the invoice states, else the computed one. */
export function effectiveSummary(invoice: Invoice): InvoiceSummary {
  return invoice.summary ?? computeTotals(invoice).summary;
}

/**
 * Fills what can be derived and is missing: each priced line's P_11 (net pricing) or P_11A (gross pricing)
 * and the invoice summary. Stated values are never changed.
 */
export function completeInvoice(invoice: Invoice): Invoice {
  const lines = invoice.lines.map((line) => {
    const pricing = linePricing(line);
    if (pricing === 'net' && line.netTotal === undefined && line.unitNetPrice !== undefined) {
      return { ...line, netTotal: computeLineAmounts(line).net };
    }
    if (pricing === 'gross' && line.grossTotal === undefined && line.unitGrossPrice !== undefined) {
      return { ...line, grossTotal: computeLineAmounts(line).gross };
    }
    return line;
  });
  const completed = { ...invoice, lines };
  return completed.summary ? completed : { ...completed, summary: computeTotals(completed).summary };
}

/** Whether a decimal text is exactly zero (helper for rules and views). */
export function isZero(value: string): boolean {
  return new D(value).isZero();
}

/** Sum of decimal texts, rounded to grosze. */
export function sumAmounts(values: readonly string[]): string {
  return text2(values.reduce((sum, value) => sum.plus(value), ZERO));
}

/** Amount in PLN at an exchange rate, rounded to grosze. */
export function toPln(amount: string, exchangeRate: string): string {
  return text2(new D(amount).times(exchangeRate));
}
