/**
 * Advance (ZAL) and settlement (ROZ) invoices made from the issuing form. Amounts are decimal.js, rounded
 * half-up to grosze, never floats.
 *
 * How FA(3) wants them (element docs of schemat FA(3) v1-0E, which quote art. 106f of the VAT Act):
 * - ZAL (RodzajFaktury "faktura zaliczkowa", art. 106f ust. 1): the order or contract goes to Zamowienie —
 *   its lines as ZamowienieWiersz and WartoscZamowienia = its value WITH VAT. FaWiersz is optional for ZAL
 *   and is not written. P_13_x = the advance's net, P_14_x = its VAT by art. 106f ust. 1 pkt 3
 *   (advance × r / (100 + r), split over the order's rates: `computeAdvanceSummary`), P_15 = the payment the
 *   invoice documents. P_6 = the day the payment was received (art. 106b ust. 1 pkt 4), written when it
 *   differs from P_1. In another currency KursWalutyZ is the rate the VAT was converted at (P_14_xW).
 * - ROZ (art. 106f ust. 3, "faktura rozliczeniowa"): FaWiersz shows the FULL values of the order/contract;
 *   the net sum is reduced by the advances' net and the VAT by the VAT of the advance invoices, so P_13_x and
 *   P_14_x are the reduced amounts and P_15 is "kwota pozostała do zapłaty" (the P_15 doc). FakturaZaliczkowa
 *   lists each advance invoice: NrKSeFFaZaliczkowej, or NrKSeFZN=1 with NrFaZaliczkowej when it was issued
 *   outside KSeF. Each advance is split over the rates exactly as a ZAL for the same lines splits it, so a
 *   ROZ after ZAL invoices made here from the same lines takes off what they stated, to the grosz.
 */
import Decimal from 'decimal.js';
import type { FormLine, IssueFormValues } from '../../ipc/channels/issue-form';
import { computeAdvanceSummary } from '../invoice/advance';
import { VAT_BUCKETS, VAT_PLN_BUCKETS, type SummaryBucket } from '../invoice/codes';
import type { AdvanceInvoiceRef, BucketTotal, InvoiceSummary, Order, OrderLine } from '../invoice/model';
import { computeLineAmounts, computeTotals, type ComputedTotals } from '../invoice/totals';
import { filledLines, isDecimal, linesOnlyInvoice, toInvoiceLine, unitDiscount, type LinePricingInput } from './form-lines';
import { normalizeDecimal } from './form-text';

const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const text2 = (value: Decimal) => (round2(value).isZero() ? '0.00' : round2(value).toFixed(2));
/** An amount in grosze as typed (comma or dot, spaces), at most 2 decimals. */
const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

type PricedForm = LinePricingInput & { lines: FormLine[] };

/** A typed amount as a decimal text, or null when it is not one (yet). */
export function parseAmount(typed: string): string | null {
  const value = normalizeDecimal(typed);
  return AMOUNT.test(value) ? value : null;
}

/** Totals of the form's lines (for ZAL: of the order), by the model's rounding rules. */
export function linesTotals(form: PricedForm): ComputedTotals {
  return computeTotals(linesOnlyInvoice(filledLines(form.lines).map((line) => toInvoiceLine(line, form)), form.currency));
}

/** ZamowienieWiersz of a form row. The order has no discount field, so P_9AZ is the discounted unit price. */
function toOrderLine(line: FormLine, form: PricedForm): OrderLine {
  const model = toInvoiceLine(line, { ...form, currency: 'PLN', exchangeRate: '' });
  const amounts = computeLineAmounts(model);
  const result: OrderLine = { name: line.name.trim() };
  if (model.unit) result.unit = model.unit;
  if (model.quantity) result.quantity = model.quantity;
  const price = normalizeDecimal(line.unitPrice);
  const discount = unitDiscount(line);
  if (form.priceMode === 'net' && isDecimal(price)) result.unitNetPrice = discount ? new Decimal(price).minus(discount).toFixed() : price;
  if (model.unitNetPrice !== undefined || model.unitGrossPrice !== undefined) {
    result.netTotal = amounts.net;
    result.vatTotal = amounts.vat;
  }
  if (model.rate) result.rate = model.rate;
  if (model.pkwiu) result.pkwiu = model.pkwiu;
  if (model.gtu) result.gtu = model.gtu;
  if (model.annex15) result.annex15 = true;
  return result;
}

/** Zamowienie: the form's lines as the order, its value (gross) computed like an invoice's. */
export function formOrder(form: PricedForm): Order {
  return { value: linesTotals(form).gross, lines: filledLines(form.lines).map((line) => toOrderLine(line, form)) };
}

/** P_14_xW: each bucket's VAT at the exchange rate, in the buckets FA(3) has them for. */
function withVatPln(summary: InvoiceSummary, exchangeRate: string | null): InvoiceSummary {
  if (exchangeRate === null) return summary;
  const buckets: Partial<Record<SummaryBucket, BucketTotal>> = {};
  for (const [bucket, total] of Object.entries(summary.buckets) as [SummaryBucket, BucketTotal][]) {
    buckets[bucket] = VAT_PLN_BUCKETS.includes(bucket) && total.vat !== undefined ? { ...total, vatPln: text2(new Decimal(total.vat).times(exchangeRate)) } : total;
  }
  return { ...summary, buckets };
}

/** The exchange rate of a form in another currency, or null (PLN, or not typed yet). */
export function formExchangeRate(form: Pick<IssueFormValues, 'currency' | 'exchangeRate'>): string | null {
  const rate = normalizeDecimal(form.exchangeRate);
  return form.currency !== 'PLN' && isDecimal(rate) ? rate : null;
}

/** ZAL: P_13_x/P_14_x(W)/P_15 for the advance received, or null until the amount is typed. */
export function advanceInvoiceSummary(form: PricedForm & Pick<IssueFormValues, 'advance'>): InvoiceSummary | null {
  const received = parseAmount(form.advance.received);
  if (received === null) return null;
  return withVatPln(computeAdvanceSummary(formOrder(form), received), formExchangeRate(form));
}

/** FakturaZaliczkowa entries of a ROZ. */
export function advanceInvoiceRefs(form: Pick<IssueFormValues, 'advance'>): AdvanceInvoiceRef[] {
  return form.advance.settled
    .filter((entry) => entry.reference.trim() !== '')
    .map((entry) => (entry.outsideKsef ? { number: entry.reference.trim() } : { ksefNumber: entry.reference.trim() }));
}

export interface SettlementOverview {
  /** The whole sale, as FaWiersz shows it. */
  full: ComputedTotals;
  /** The advances taken off, per bucket, and their gross sum. */
  advances: InvoiceSummary;
  /** What the ROZ states: P_13_x/P_14_x reduced by the advances, P_15 = left to pay. */
  summary: InvoiceSummary;
}

/** ROZ: the full sale, the advances (each split over the rates as its ZAL was) and what is left. */
export function settlementOverview(form: PricedForm & Pick<IssueFormValues, 'advance'>): SettlementOverview {
  const full = linesTotals(form);
  const order = formOrder(form);
  const taken = new Map<SummaryBucket, { net: Decimal; vat: Decimal }>();
  let takenGross = new Decimal(0);
  for (const entry of form.advance.settled) {
    const gross = parseAmount(entry.gross);
    if (gross === null) continue;
    takenGross = takenGross.plus(gross);
    for (const [bucket, part] of Object.entries(computeAdvanceSummary(order, gross).buckets) as [SummaryBucket, BucketTotal][]) {
      const sum = taken.get(bucket) ?? { net: new Decimal(0), vat: new Decimal(0) };
      taken.set(bucket, { net: sum.net.plus(part.net), vat: sum.vat.plus(part.vat ?? 0) });
    }
  }
  const advances: InvoiceSummary = { buckets: {}, gross: text2(takenGross) };
  const reduced: InvoiceSummary = { buckets: {}, gross: text2(new Decimal(full.gross).minus(takenGross)) };
  const buckets = new Set<SummaryBucket>([...(Object.keys(full.summary.buckets) as SummaryBucket[]), ...taken.keys()]);
  for (const bucket of buckets) {
    const whole = full.summary.buckets[bucket];
    const minus = taken.get(bucket) ?? { net: new Decimal(0), vat: new Decimal(0) };
    const hasVat = VAT_BUCKETS.includes(bucket);
    advances.buckets[bucket] = { net: text2(minus.net), ...(hasVat ? { vat: text2(minus.vat) } : {}) };
    reduced.buckets[bucket] = {
      net: text2(new Decimal(whole?.net ?? 0).minus(minus.net)),
      ...(hasVat ? { vat: text2(new Decimal(whole?.vat ?? 0).minus(minus.vat)) } : {}),
    };
  }
  return { full, advances, summary: withVatPln(reduced, formExchangeRate(form)) };
}
