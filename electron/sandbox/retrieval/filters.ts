/** `InvoiceQueryFilters` (shared by metadata queries and exports): schema, date window, high-water mark, matching. */
import Decimal from 'decimal.js';
import { z } from 'zod';
import { KSEF_NUMBER_PATTERN } from '../../../shared/domain/identifiers';
import { compareAmounts } from '../../../shared/domain/money';
import { NIP_PATTERN } from '../../../shared/domain/nip';
import type { StoredInvoice } from '../invoices/archive';
import { warsawDateOf } from '../invoices/warsaw-time';
import { isWithinThreeMonths, parseQueryInstant } from './dates';
import { retrievalError } from './errors';

export const SUBJECT_TYPES = ['Subject1', 'Subject2', 'Subject3', 'SubjectAuthorized'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export type DateType = 'Issue' | 'Invoicing' | 'PermanentStorage';

const INVOICE_TYPES = ['Vat', 'Zal', 'Kor', 'Roz', 'Upr', 'KorZal', 'KorRoz', 'VatPef', 'VatPefSp', 'KorPef', 'VatRr', 'KorVatRr'] as const;

export const invoiceQueryFiltersSchema = z.object({
  subjectType: z.enum(SUBJECT_TYPES),
  dateRange: z.object({
    dateType: z.enum(['Issue', 'Invoicing', 'PermanentStorage']),
    from: z.string(),
    to: z.string().nullish(),
    restrictToPermanentStorageHwmDate: z.boolean().nullish(),
  }),
  ksefNumber: z.string().regex(KSEF_NUMBER_PATTERN).nullish(),
  invoiceNumber: z.string().max(256).nullish(),
  amount: z.object({ type: z.enum(['Brutto', 'Netto', 'Vat']), from: z.number().nullish(), to: z.number().nullish() }).nullish(),
  sellerNip: z.string().regex(NIP_PATTERN).nullish(),
  buyerIdentifier: z.object({ type: z.enum(['Nip', 'VatUe', 'Other', 'None']), value: z.string().max(50).nullish() }).nullish(),
  currencyCodes: z.array(z.string().regex(/^[A-Z]{3}$/)).nullish(),
  invoicingMode: z.enum(['Online', 'Offline']).nullish(),
  isSelfInvoicing: z.boolean().nullish(),
  formType: z.enum(['FA', 'PEF', 'FA_RR']).nullish(),
  invoiceTypes: z.array(z.enum(INVOICE_TYPES)).nullish(),
  hasAttachment: z.boolean().nullish(),
});

export type InvoiceQueryFilters = z.infer<typeof invoiceQueryFiltersSchema>;

/** The resolved date window of one query: inclusive bounds, and the high-water mark for PermanentStorage. */
export interface QueryWindow {
  dateType: DateType;
  from: Date;
  to: Date;
  permanentStorageHwm?: Date;
}

export type WindowResult = { ok: true; window: QueryWindow } | { ok: false; reason: 'from-after-hwm' };

/**
 * The instant up to which the set of stored invoices is final. Writers archive an invoice with a permanentStorageDate
 * at (or just after) the moment they write it, and queries hide invoices whose permanentStorageDate is still in the
 * future, so nothing can appear later at or below `now - lag`. Whole seconds keep it stable across the pages of one query.
 */
export function permanentStorageWatermark(now: Date, lagMs: number): Date {
  return new Date(Math.floor((now.getTime() - lagMs) / 1000) * 1000);
}

/** Validates `dateRange` (400 21405) and applies the HWM rules; `from` after the HWM with the restrict flag is reported, not thrown. */
export function resolveWindow(filters: InvoiceQueryFilters, now: Date, hwmLagMs: number): WindowResult {
  const range = filters.dateRange;
  const from = parseQueryInstant(range.from);
  if (!from) throw retrievalError(21405, `dateRange.from: nieprawidłowa data "${range.from}" (oczekiwano ISO-8601).`);
  const to = range.to ? parseQueryInstant(range.to) : now;
  if (!to) throw retrievalError(21405, `dateRange.to: nieprawidłowa data "${range.to ?? ''}" (oczekiwano ISO-8601).`);
  if (from.getTime() > to.getTime()) throw retrievalError(21405, 'dateRange: data początkowa jest późniejsza niż data końcowa.');
  if (!isWithinThreeMonths(from, to)) throw retrievalError(21405, 'dateRange: maksymalny dozwolony zakres dat wynosi 3 miesiące.');
  if (range.dateType !== 'PermanentStorage') return { ok: true, window: { dateType: range.dateType, from, to } };

  // Spec: for recent periods the HWM is slightly behind the requested bound; for older periods it equals it.
  const watermark = permanentStorageWatermark(now, hwmLagMs);
  const hwm = to.getTime() < watermark.getTime() ? to : watermark;
  if (!range.restrictToPermanentStorageHwmDate) return { ok: true, window: { dateType: 'PermanentStorage', from, to, permanentStorageHwm: hwm } };
  if (from.getTime() > hwm.getTime()) return { ok: false, reason: 'from-after-hwm' };
  return { ok: true, window: { dateType: 'PermanentStorage', from, to: hwm, permanentStorageHwm: hwm } };
}

/** The date an invoice is filtered and sorted by, as a sortable string (ISO instants and dates sort lexically). */
export function sortDateOf(invoice: StoredInvoice, dateType: DateType): string {
  switch (dateType) {
    case 'Issue':
      return invoice.facts.issueDate;
    case 'Invoicing':
      return invoice.invoicingDate;
    default:
      return invoice.permanentStorageDate;
  }
}

function inWindow(invoice: StoredInvoice, window: QueryWindow): boolean {
  if (window.dateType === 'Issue') {
    // An issue date is a calendar day; it matches when that Warsaw day overlaps the window.
    const day = invoice.facts.issueDate;
    return day >= warsawDateOf(window.from) && day <= warsawDateOf(window.to);
  }
  const at = Date.parse(sortDateOf(invoice, window.dateType));
  return at >= window.from.getTime() && at <= window.to.getTime();
}

/** Filter values arrive as JSON numbers; compare them with the exact decimal strings via their shortest decimal form. */
function numberAsDecimalText(value: number): string {
  return new Decimal(value).toFixed();
}

function amountMatches(invoice: StoredInvoice, amount: NonNullable<InvoiceQueryFilters['amount']>): boolean {
  const facts = invoice.facts;
  const value = amount.type === 'Brutto' ? facts.grossAmount : amount.type === 'Netto' ? facts.netAmount : facts.vatAmount;
  if (amount.from !== null && amount.from !== undefined && compareAmounts(value, numberAsDecimalText(amount.from)) < 0) return false;
  if (amount.to !== null && amount.to !== undefined && compareAmounts(value, numberAsDecimalText(amount.to)) > 0) return false;
  return true;
}

function buyerMatches(invoice: StoredInvoice, buyer: NonNullable<InvoiceQueryFilters['buyerIdentifier']>): boolean {
  const identifier = invoice.facts.buyer.identifier;
  if (identifier.type !== buyer.type) return false;
  return buyer.value === null || buyer.value === undefined || identifier.value === buyer.value;
}

/** Every optional filter except the subject (see visibility.ts); absent or null filters match everything. */
export function matchesFilters(invoice: StoredInvoice, filters: InvoiceQueryFilters, window: QueryWindow): boolean {
  const facts = invoice.facts;
  if (!inWindow(invoice, window)) return false;
  if (filters.ksefNumber && invoice.ksefNumber !== filters.ksefNumber) return false;
  if (filters.invoiceNumber && facts.invoiceNumber !== filters.invoiceNumber) return false;
  if (filters.amount && !amountMatches(invoice, filters.amount)) return false;
  if (filters.sellerNip && facts.seller.nip !== filters.sellerNip) return false;
  if (filters.buyerIdentifier && !buyerMatches(invoice, filters.buyerIdentifier)) return false;
  if (filters.currencyCodes && filters.currencyCodes.length > 0 && !filters.currencyCodes.includes(facts.currency)) return false;
  if (filters.invoicingMode && invoice.invoicingMode !== filters.invoicingMode) return false;
  if (typeof filters.isSelfInvoicing === 'boolean' && facts.isSelfInvoicing !== filters.isSelfInvoicing) return false;
  if (filters.formType && facts.formCode.value !== filters.formType) return false;
  if (filters.invoiceTypes && filters.invoiceTypes.length > 0 && !(filters.invoiceTypes as readonly string[]).includes(facts.invoiceType)) return false;
  if (typeof filters.hasAttachment === 'boolean' && facts.hasAttachment !== filters.hasAttachment) return false;
  return true;
}
