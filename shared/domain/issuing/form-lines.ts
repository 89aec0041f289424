/**
 * Form rows as model lines. A discount is typed in percent; FA(3) P_10 is a per-unit amount, so it is
 * written as unit price × percent / 100 (at most 8 decimals, as TKwotowy2 allows), and the line value is the
 * one `computeLineAmounts` gives: round(quantity × (unit price − P_10)) to grosze.
 */
import Decimal from 'decimal.js';
import type { FormLine, IssueFormValues } from '../../ipc/channels/issue-form';
import type { Invoice, InvoiceLine } from '../invoice/model';
import { VAT_RATES, type VatRate } from '../invoice/codes';
import { computeLineAmounts } from '../invoice/totals';
import { normalizeDecimal } from './form-text';

export type LinePricingInput = Pick<IssueFormValues, 'priceMode' | 'currency' | 'exchangeRate'>;

/** Rows of the form that carry a line (an untouched empty row at the end is not one). */
export function filledLines(lines: FormLine[]): FormLine[] {
  return lines.filter((line) => line.name.trim() !== '' || line.unitPrice.trim() !== '');
}

export function isDecimal(value: string): boolean {
  return /^\d+(\.\d+)?$/.test(value);
}

/** Per-unit discount (P_10) for a discount in percent; null when there is none. */
export function unitDiscount(line: FormLine): string | null {
  const percent = normalizeDecimal(line.discount);
  const price = normalizeDecimal(line.unitPrice);
  if (percent === '' || !isDecimal(percent) || !isDecimal(price) || new Decimal(percent).isZero()) return null;
  return new Decimal(price).times(percent).div(100).toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toFixed();
}

/** The model line of a form row; amounts that do not parse yet are left out (live totals treat them as 0). */
export function toInvoiceLine(line: FormLine, form: LinePricingInput, beforeCorrection = false): InvoiceLine {
  const price = normalizeDecimal(line.unitPrice);
  const quantity = normalizeDecimal(line.quantity);
  const result: InvoiceLine = { name: line.name.trim() };
  if (line.unit.trim()) result.unit = line.unit.trim();
  if (isDecimal(quantity)) result.quantity = quantity;
  if ((VAT_RATES as readonly string[]).includes(line.rate)) result.rate = line.rate as VatRate;
  if (isDecimal(price)) {
    if (form.priceMode === 'net') result.unitNetPrice = price;
    else result.unitGrossPrice = price;
  }
  const discount = unitDiscount(line);
  if (discount) result.discount = discount;
  if (isDecimal(price)) {
    const amounts = computeLineAmounts(result);
    if (form.priceMode === 'net') result.netTotal = amounts.net;
    else result.grossTotal = amounts.gross;
  }
  if (line.pkwiu.trim()) result.pkwiu = line.pkwiu.trim();
  if (line.gtu) result.gtu = line.gtu as InvoiceLine['gtu'];
  // Drafts saved before the field existed have no `annex15` until parsed; treat that as unticked.
  if (line.annex15 === true) result.annex15 = true;
  const exchangeRate = normalizeDecimal(form.exchangeRate);
  if (form.currency !== 'PLN' && isDecimal(exchangeRate)) result.exchangeRate = exchangeRate;
  if (beforeCorrection) result.beforeCorrection = true;
  return result;
}

/** A bare invoice holding only `lines`, to compute totals and rules that depend on nothing else. */
export function linesOnlyInvoice(lines: InvoiceLine[], currency: string, buyerHasNip = false): Invoice {
  return {
    kind: 'VAT',
    number: '',
    issueDate: '',
    currency,
    seller: { nip: '', name: '', address: { countryCode: 'PL', line1: '' } },
    buyer: { identifier: buyerHasNip ? { type: 'NIP', value: '' } : { type: 'NONE' } },
    thirdParties: [],
    lines,
    annotations: { cashAccounting: false, selfBilling: false, reverseCharge: false, splitPayment: false, simplifiedTriangular: false },
  };
}
