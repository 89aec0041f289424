/**
 * The issuing form's values (plus the seller's profile) as the FA(3) `Invoice` model. Assumes `formIssues`
 * found nothing; anything still wrong is caught by `parseInvoice`, `checkInvoiceRules` and the XSD check.
 * Lines: form-lines.ts. Per-rate totals come from `computeTotals`, except for ZAL and ROZ (advances.ts).
 * The split payment annotation (P_18A) is what the user ticked: the form ticks it when the law requires it
 * (`splitPaymentRequired`) and `formIssues` refuses an invoice without it, so nothing is changed silently here.
 */
import type { IssueFormValues } from '../../ipc/channels/issue-form';
import type { SellerProfile } from '../../ipc/channels/issue';
import { normalizeBuyerIdentifier } from '../buyer-identifier';
import { normalizeAccountNumber } from '../invoice/iban';
import type { Address, Buyer, Invoice, PartyIdentifier, Payment } from '../invoice/model';
import { advanceInvoiceRefs, advanceInvoiceSummary, formExchangeRate, formOrder, settlementOverview } from './advances';
import { filledLines, toInvoiceLine } from './form-lines';

export { filledLines, toInvoiceLine, unitDiscount } from './form-lines';

export interface FormToInvoiceOptions {
  /** The number the invoice gets (the typed one, a proposal, or the one the series gave). */
  number: string;
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
  // On an advance invoice the rows are the order's (Zamowienie), not FaWiersz.
  const after = form.kind === 'ZAL' ? [] : filledLines(form.lines).map((line) => toInvoiceLine(line, form));
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
  // P_6: the sale date, or on an advance invoice the day the payment was received (each only when ≠ P_1).
  const p6 = form.kind === 'ZAL' ? form.advance.receivedDate : form.saleDate;
  if (p6 && p6 !== form.issueDate) invoice.saleDate = p6;
  if (form.kind === 'ZAL') addAdvance(invoice, form);
  if (form.kind === 'ROZ') addSettlement(invoice, form);
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

/** ZAL: the order, the advance's summary and, in another currency, the rate its VAT was converted at. */
function addAdvance(invoice: Invoice, form: IssueFormValues): void {
  invoice.order = formOrder(form);
  const summary = advanceInvoiceSummary(form);
  if (summary) invoice.summary = summary;
  const exchangeRate = formExchangeRate(form);
  if (exchangeRate !== null) invoice.advanceExchangeRate = exchangeRate;
}

/** ROZ: the advance invoices it settles and the summary reduced by them (P_15 = left to pay). */
function addSettlement(invoice: Invoice, form: IssueFormValues): void {
  const refs = advanceInvoiceRefs(form);
  if (refs.length > 0) invoice.advanceInvoices = refs;
  invoice.summary = settlementOverview(form).summary;
}
