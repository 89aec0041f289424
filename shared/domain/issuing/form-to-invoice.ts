/**
 * The issuing form's values (plus the seller's profile) as the FA(3) `Invoice` model. Assumes `formIssues`
 * found nothing; anything still wrong is caught by `parseInvoice`, `checkInvoiceRules` and the XSD check.
 *
 * A discount is typed in percent; FA(3) P_10 is a per-unit amount, so it is written as unit price × percent
 * / 100 (at most 8 decimals, as TKwotowy2 allows), and the line value is the one `computeLineAmounts`
 * gives: round(quantity × (unit price − P_10)) to grosze. Per-rate totals come from `computeTotals`.
 */
import Decimal from 'decimal.js';
import type { FormLine, IssueFormValues } from '../../ipc/channels/issue-form';
import type { SellerProfile } from '../../ipc/channels/issue';
import { normalizeBuyerIdentifier } from '../buyer-identifier';
import { normalizeAccountNumber } from '../invoice/iban';
import type { Address, Buyer, Invoice, InvoiceLine, PartyIdentifier, Payment } from '../invoice/model';
import { VAT_RATES, type VatRate } from '../invoice/codes';
import { computeLineAmounts } from '../invoice/totals';
import { normalizeDecimal } from './form-rules';

export interface FormToInvoiceOptions {
  /** The number the invoice gets (the typed one, a proposal, or the one the series gave). */
  number: string;
}

/** Rows of the form that carry a line (an untouched empty row at the end is not one). */
export function filledLines(lines: FormLine[]): FormLine[] {
  return lines.filter((line) => line.name.trim() !== '' || line.unitPrice.trim() !== '');
}

/** Per-unit discount (P_10) for a discount in percent; null when there is none. */
export function unitDiscount(line: FormLine): string | null {
  const percent = normalizeDecimal(line.discount);
  const price = normalizeDecimal(line.unitPrice);
  if (percent === '' || !isDecimal(percent) || !isDecimal(price) || new Decimal(percent).isZero()) return null;
  return new Decimal(price).times(percent).div(100).toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toFixed();
}

function isDecimal(value: string): boolean {
  return /^\d+(\.\d+)?$/.test(value);
}

/** The model line of a form row; amounts that do not parse yet are left out (live totals treat them as 0). */
export function toInvoiceLine(line: FormLine, form: Pick<IssueFormValues, 'priceMode' | 'currency' | 'exchangeRate'>, beforeCorrection = false): InvoiceLine {
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
  const exchangeRate = normalizeDecimal(form.exchangeRate);
  if (form.currency !== 'PLN' && isDecimal(exchangeRate)) result.exchangeRate = exchangeRate;
  if (beforeCorrection) result.beforeCorrection = true;
  return result;
}

function toAddress(address: IssueFormValues['buyer']['address']): Address | undefined {
  if (address.line1.trim() === '') return undefined;
  return { countryCode: address.countryCode || 'PL', line1: address.line1.trim(), ...(address.line2.trim() ? { line2: address.line2.trim() } : {}) };
}

function toBuyer(form: IssueFormValues): Buyer {
  const { buyer } = form;
  const value = normalizeBuyerIdentifier({ type: buyer.identifierType, identifier: buyer.identifier, country: buyer.identifierCountry });
  const identifier: PartyIdentifier =
    buyer.identifierType === 'NIP'
      ? { type: 'NIP', value }
      : buyer.identifierType === 'EU_VAT'
        ? { type: 'EU_VAT', countryCode: buyer.identifierCountry, value }
        : buyer.identifierType === 'FOREIGN'
          ? { type: 'FOREIGN', countryCode: buyer.identifierCountry, value }
          : { type: 'NONE' };
  const address = toAddress(buyer.address);
  return {
    identifier,
    name: buyer.name.trim(),
    ...(address ? { address } : {}),
    ...(buyer.email.trim() ? { contacts: [{ email: buyer.email.trim() }] } : {}),
  };
}

function toPayment(form: IssueFormValues): Payment | undefined {
  const { payment } = form;
  const result: Payment = {};
  if (payment.paid && payment.paidDate) result.paidDate = payment.paidDate;
  if (payment.dueDate) result.dueDates = [{ date: payment.dueDate }];
  if (payment.method) result.method = payment.method;
  if (payment.bankAccount) result.bankAccounts = [{ number: normalizeAccountNumber(payment.bankAccount) }];
  return Object.keys(result).length > 0 ? result : undefined;
}

export function formToInvoice(form: IssueFormValues, seller: SellerProfile, options: FormToInvoiceOptions): Invoice {
  const sellerAddress: Address = {
    countryCode: seller.address.countryCode || 'PL',
    line1: seller.address.line1.trim() || '-',
    ...(seller.address.line2.trim() ? { line2: seller.address.line2.trim() } : {}),
  };
  const contact = { ...(seller.email ? { email: seller.email } : {}), ...(seller.phone ? { phone: seller.phone } : {}) };
  const before = form.kind === 'KOR' ? filledLines(form.correction.linesBefore).map((line) => toInvoiceLine(line, form, true)) : [];
  const after = filledLines(form.lines).map((line) => toInvoiceLine(line, form));
  const invoice: Invoice = {
    kind: form.kind,
    number: options.number,
    issueDate: form.issueDate,
    currency: form.currency,
    seller: { nip: seller.nip, name: seller.name, address: sellerAddress, ...(Object.keys(contact).length > 0 ? { contacts: [contact] } : {}) },
    buyer: toBuyer(form),
    thirdParties: [],
    lines: [...before, ...after],
    annotations: {
      cashAccounting: form.annotations.cashAccounting,
      selfBilling: form.annotations.selfBilling,
      reverseCharge: form.annotations.reverseCharge,
      splitPayment: form.payment.splitPayment,
      simplifiedTriangular: false,
      ...(form.annotations.exemptionBasis.trim() && form.lines.some((line) => line.rate === 'zw')
        ? { exemption: { basis: 'P_19A' as const, text: form.annotations.exemptionBasis.trim() } }
        : {}),
    },
  };
  if (form.placeOfIssue.trim()) invoice.issuePlace = form.placeOfIssue.trim();
  if (form.saleDate && form.saleDate !== form.issueDate) invoice.saleDate = form.saleDate;
  const payment = toPayment(form);
  if (payment) invoice.payment = payment;
  if (form.kind === 'KOR') {
    const { correction } = form;
    invoice.correction = {
      ...(correction.reason.trim() ? { reason: correction.reason.trim() } : {}),
      type: correction.effectType,
      corrected: [
        {
          issueDate: correction.originalIssueDate,
          number: correction.originalNumber.trim(),
          ...(correction.originalKsefNumber.trim() ? { ksefNumber: correction.originalKsefNumber.trim() } : {}),
        },
      ],
    };
  }
  const descriptions = form.additionalDescriptions.filter((entry) => entry.key.trim() && entry.value.trim());
  if (descriptions.length > 0) invoice.additionalInfo = descriptions.map((entry) => ({ key: entry.key.trim(), value: entry.value.trim() }));
  const registers = { ...(seller.krs ? { krs: seller.krs } : {}), ...(seller.regon ? { regon: seller.regon } : {}), ...(seller.bdo ? { bdo: seller.bdo } : {}) };
  const footerText = form.notes.trim();
  if (Object.keys(registers).length > 0 || footerText) {
    invoice.footer = {
      ...(footerText ? { information: [{ text: footerText }] } : {}),
      ...(Object.keys(registers).length > 0 ? { registers: [registers] } : {}),
    };
  }
  return invoice;
}
