/**
 * Business rules beyond the XSD. `checkInvoiceRules` reports issues (the form shows them at the field,
 * the CLI prints them); `applySplitPaymentRule` sets P_18A when the law requires the split payment.
 */
import Decimal from 'decimal.js';
import { hasValidNipChecksum } from '../nip';
import { CORRECTION_KINDS } from './codes';
import { isValidIban } from './iban';
import type { Invoice } from './model';
import { computeTotals } from './totals';

export type InvoiceRuleCode =
  | 'SELLER_NIP_CHECKSUM'
  | 'BUYER_NIP_CHECKSUM'
  | 'BANK_ACCOUNT_INVALID'
  | 'SPLIT_PAYMENT_REQUIRED'
  | 'CORRECTION_DATA_MISSING'
  | 'CORRECTION_DATA_UNEXPECTED'
  | 'SUMMARY_MISMATCH'
  | 'LINE_WITHOUT_RATE'
  | 'EXCHANGE_RATE_MISSING'
  | 'EXEMPTION_BASIS_MISSING'
  | 'REVERSE_CHARGE_NOT_ANNOTATED'
  | 'SALE_PERIOD_REVERSED'
  | 'ISSUE_DATE_IN_FUTURE'
  | 'NO_LINES';

export interface InvoiceRuleIssue {
  code: InvoiceRuleCode;
  severity: 'error' | 'warning';
  /** Dotted model path of the field concerned, e.g. `payment.bankAccounts.0.number`. */
  path: string;
}

/** Art. 106e ust. 1 pkt 18a: gross above this amount in PLN with Annex 15 goods/services → split payment. */
export const SPLIT_PAYMENT_THRESHOLD_PLN = '15000';

/** The invoice's gross total in PLN, or undefined when another currency lacks an exchange rate. */
export function grossInPln(invoice: Invoice): string | undefined {
  const gross = invoice.summary?.gross ?? computeTotals(invoice).gross;
  if (invoice.currency === 'PLN') return gross;
  const rate = invoice.lines.find((line) => line.exchangeRate !== undefined)?.exchangeRate ?? invoice.advanceExchangeRate;
  return rate === undefined ? undefined : new Decimal(gross).times(rate).toDecimalPlaces(2).toFixed(2);
}

/**
 * Split payment (MPP, P_18A) is required when the gross total exceeds 15 000 PLN, a line is an Annex 15
 * good/service (P_12_Zal_15) and the buyer is a taxpayer (identified by NIP). Unknown PLN value → false.
 */
export function isSplitPaymentRequired(invoice: Invoice): boolean {
  if (!invoice.lines.some((line) => line.annex15)) return false;
  if (invoice.buyer.identifier.type !== 'NIP') return false;
  const gross = grossInPln(invoice);
  return gross !== undefined && new Decimal(gross).greaterThan(SPLIT_PAYMENT_THRESHOLD_PLN);
}

/** Sets the split payment annotation when it is required (never clears one the user set). */
export function applySplitPaymentRule(invoice: Invoice): Invoice {
  if (invoice.annotations.splitPayment || !isSplitPaymentRequired(invoice)) return invoice;
  return { ...invoice, annotations: { ...invoice.annotations, splitPayment: true } };
}

function summaryMismatches(invoice: Invoice): boolean {
  if (!invoice.summary || invoice.lines.length === 0) return false;
  if (!['VAT', 'KOR', 'UPR'].includes(invoice.kind)) return false; // advance/settlement sums are not line sums
  const computed = computeTotals(invoice).summary;
  const same = (left?: string, right?: string) =>
    left === right || (left !== undefined && right !== undefined && new Decimal(left).equals(right));
  if (!same(invoice.summary.gross, computed.gross)) return true;
  const keys = new Set([...Object.keys(invoice.summary.buckets), ...Object.keys(computed.buckets)]) as Set<
    keyof typeof computed.buckets
  >;
  for (const key of keys) {
    const stated = invoice.summary.buckets[key];
    const expected = computed.buckets[key];
    if (!same(stated?.net, expected?.net) || !same(stated?.vat, expected?.vat)) return true;
  }
  return false;
}

export interface InvoiceRuleOptions {
  /** Today's date (YYYY-MM-DD, Europe/Warsaw): KSeF rejects an issue date (P_1) after the day it accepts the invoice. */
  today?: string;
}

export function checkInvoiceRules(invoice: Invoice, options: InvoiceRuleOptions = {}): InvoiceRuleIssue[] {
  const issues: InvoiceRuleIssue[] = [];
  const add = (code: InvoiceRuleCode, path: string, severity: 'error' | 'warning' = 'error') =>
    issues.push({ code, severity, path });

  if (!hasValidNipChecksum(invoice.seller.nip)) add('SELLER_NIP_CHECKSUM', 'seller.nip');
  const buyerId = invoice.buyer.identifier;
  if (buyerId.type === 'NIP' && buyerId.value !== undefined && !hasValidNipChecksum(buyerId.value)) {
    add('BUYER_NIP_CHECKSUM', 'buyer.identifier.value');
  }
  invoice.payment?.bankAccounts?.forEach((account, index) => {
    if (!isValidIban(account.number)) add('BANK_ACCOUNT_INVALID', `payment.bankAccounts.${index}.number`, 'warning');
  });
  invoice.payment?.factorBankAccounts?.forEach((account, index) => {
    if (!isValidIban(account.number)) add('BANK_ACCOUNT_INVALID', `payment.factorBankAccounts.${index}.number`, 'warning');
  });
  if (!invoice.annotations.splitPayment && isSplitPaymentRequired(invoice)) add('SPLIT_PAYMENT_REQUIRED', 'annotations.splitPayment');

  const isCorrection = CORRECTION_KINDS.includes(invoice.kind);
  if (isCorrection && !invoice.correction) add('CORRECTION_DATA_MISSING', 'correction');
  if (!isCorrection && invoice.correction) add('CORRECTION_DATA_UNEXPECTED', 'correction');

  // A correction may change only header data, and an advance invoice may have no lines (the order has them).
  if (['VAT', 'UPR', 'ROZ'].includes(invoice.kind) && invoice.lines.length === 0) add('NO_LINES', 'lines');
  invoice.lines.forEach((line, index) => {
    if (line.rate === undefined && line.ossRate === undefined && invoice.annotations.margin === undefined) {
      add('LINE_WITHOUT_RATE', `lines.${index}.rate`, 'warning');
    }
    if (invoice.currency !== 'PLN' && line.exchangeRate === undefined && line.rate !== undefined && /^\d+$/.test(line.rate)) {
      add('EXCHANGE_RATE_MISSING', `lines.${index}.exchangeRate`, 'warning');
    }
  });
  if (invoice.lines.some((line) => line.rate === 'zw') && !invoice.annotations.exemption) {
    add('EXEMPTION_BASIS_MISSING', 'annotations.exemption');
  }
  if (invoice.lines.some((line) => line.rate === 'oo') && !invoice.annotations.reverseCharge) {
    add('REVERSE_CHARGE_NOT_ANNOTATED', 'annotations.reverseCharge');
  }
  if (invoice.salePeriod && invoice.salePeriod.from > invoice.salePeriod.to) add('SALE_PERIOD_REVERSED', 'salePeriod.to');
  if (options.today !== undefined && invoice.issueDate > options.today) add('ISSUE_DATE_IN_FUTURE', 'issueDate');
  if (summaryMismatches(invoice)) add('SUMMARY_MISMATCH', 'summary', 'warning');
  return issues;
}
