/**
 * Any FA(3) invoice (issued here, imported, sent by another program) as the issuing form's values, for
 * "copy as a new invoice" and for correcting it. What the form has no field for is not carried over.
 */
import Decimal from 'decimal.js';
import { emptyIssueForm, type FormLine, type IssueFormValues } from '../../ipc/channels/issue-form';
import type { Invoice, InvoiceLine, OrderLine, PartyIdentifier } from '../invoice/model';
import { linesTotals } from './advances';

function discountPercent(line: InvoiceLine, price: string | undefined): string {
  if (!line.discount || !price || new Decimal(price).isZero()) return '';
  return new Decimal(line.discount).div(price).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
}

function formLine(line: InvoiceLine, gross: boolean): FormLine {
  const price = gross ? line.unitGrossPrice : line.unitNetPrice;
  return {
    productId: null,
    name: line.name ?? '',
    quantity: line.quantity ?? '1',
    unit: line.unit ?? '',
    unitPrice: price ?? '',
    rate: line.rate ?? '',
    discount: discountPercent(line, price),
    pkwiu: line.pkwiu ?? '',
    gtu: line.gtu ?? '',
    annex15: line.annex15 === true,
  };
}

/** A ZamowienieWiersz as a (net-priced) form row; without P_9AZ the row is one unit at its net value. */
function orderFormLine(line: OrderLine): FormLine {
  const priced = line.unitNetPrice !== undefined;
  return {
    productId: null,
    name: line.name ?? '',
    quantity: priced ? (line.quantity ?? '1') : '1',
    unit: line.unit ?? '',
    unitPrice: line.unitNetPrice ?? line.netTotal ?? '',
    rate: line.rate ?? '',
    discount: '',
    pkwiu: line.pkwiu ?? '',
    gtu: line.gtu ?? '',
    annex15: line.annex15 === true,
  };
}

/**
 * The advance data of a ZAL (the payment and its day) or ROZ (the advance invoices). A ROZ states only the
 * advances' sum (full sale − P_15), so each one's amount is known only when it settles a single invoice.
 */
function advanceOf(invoice: Invoice, lines: FormLine[], gross: boolean): IssueFormValues['advance'] {
  const advance = emptyIssueForm().advance;
  if (invoice.kind === 'ZAL') {
    return { ...advance, received: invoice.summary?.gross ?? '', receivedDate: invoice.saleDate ?? invoice.issueDate };
  }
  if (invoice.kind !== 'ROZ') return advance;
  const refs = invoice.advanceInvoices ?? [];
  const taken = invoice.summary ? new Decimal(linesTotals({ lines, priceMode: gross ? 'gross' : 'net', currency: invoice.currency, exchangeRate: '' }).gross).minus(invoice.summary.gross) : null;
  return {
    ...advance,
    settled: refs.map((ref) => ({
      sourceId: null,
      outsideKsef: ref.ksefNumber === undefined,
      reference: ref.ksefNumber ?? ref.number ?? '',
      gross: refs.length === 1 && taken !== null ? taken.toFixed(2) : '',
    })),
  };
}

function buyerIdentifier(identifier: PartyIdentifier): Pick<IssueFormValues['buyer'], 'identifierType' | 'identifier' | 'identifierCountry'> {
  switch (identifier.type) {
    case 'NIP':
      return { identifierType: 'NIP', identifier: identifier.value ?? '', identifierCountry: '' };
    case 'EU_VAT':
      return { identifierType: 'EU_VAT', identifier: identifier.value ?? '', identifierCountry: identifier.countryCode ?? '' };
    case 'FOREIGN':
      return { identifierType: 'FOREIGN', identifier: identifier.value ?? '', identifierCountry: identifier.countryCode ?? '' };
    default:
      return { identifierType: 'NONE', identifier: '', identifierCountry: '' };
  }
}

export function invoiceToForm(invoice: Invoice): IssueFormValues {
  const base = emptyIssueForm();
  const gross = invoice.lines.some((line) => line.unitGrossPrice !== undefined && line.unitNetPrice === undefined);
  const after =
    invoice.kind === 'ZAL' && invoice.order
      ? invoice.order.lines.filter((line) => !line.beforeCorrection).map(orderFormLine)
      : invoice.lines.filter((line) => !line.beforeCorrection).map((line) => formLine(line, gross));
  const before = invoice.lines.filter((line) => line.beforeCorrection).map((line) => formLine(line, gross));
  const corrected = invoice.correction?.corrected[0];
  const { buyer, payment, annotations } = invoice;
  return {
    ...base,
    kind: invoice.kind === 'KOR_ZAL' || invoice.kind === 'KOR_ROZ' ? 'KOR' : invoice.kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    saleDate: invoice.kind === 'ZAL' ? '' : (invoice.saleDate ?? ''),
    placeOfIssue: invoice.issuePlace ?? '',
    currency: invoice.currency,
    exchangeRate: invoice.lines.find((line) => line.exchangeRate !== undefined)?.exchangeRate ?? invoice.advanceExchangeRate ?? '',
    priceMode: gross && invoice.kind !== 'ZAL' ? 'gross' : 'net',
    buyer: {
      ...base.buyer,
      ...buyerIdentifier(buyer.identifier),
      name: buyer.name ?? '',
      address: { line1: buyer.address?.line1 ?? '', line2: buyer.address?.line2 ?? '', countryCode: buyer.address?.countryCode ?? 'PL' },
      email: buyer.contacts?.find((contact) => contact.email)?.email ?? '',
    },
    lines: after,
    payment: {
      method: payment?.method ?? '',
      dueDate: payment?.dueDates?.find((due) => due.date)?.date ?? '',
      bankAccount: payment?.bankAccounts?.[0]?.number ?? '',
      splitPayment: annotations.splitPayment,
      paid: payment?.paidDate !== undefined,
      paidDate: payment?.paidDate ?? '',
    },
    correction: {
      ...base.correction,
      reason: invoice.correction?.reason ?? '',
      effectType: invoice.correction?.type ?? '2',
      originalNumber: corrected?.number ?? '',
      originalKsefNumber: corrected?.ksefNumber ?? '',
      originalIssueDate: corrected?.issueDate ?? '',
      linesBefore: before,
    },
    advance: advanceOf(invoice, after, gross),
    annotations: {
      cashAccounting: annotations.cashAccounting,
      selfBilling: annotations.selfBilling,
      reverseCharge: annotations.reverseCharge,
      exemptionBasis: annotations.exemption?.text ?? '',
    },
    additionalDescriptions: (invoice.additionalInfo ?? []).filter((entry) => entry.lineNumber === undefined).slice(0, 50).map(({ key, value }) => ({ key, value })),
    notes: (invoice.footer?.information ?? []).map((entry) => entry.text ?? '').filter(Boolean).join('\n'),
  };
}

/** A correction of the given invoice: its lines become the "before" rows and, to be edited, the "after" rows. */
export function correctionForm(invoice: Invoice, ksefNumber: string | null, sourceId: string | null): Pick<IssueFormValues, 'buyer' | 'currency' | 'exchangeRate' | 'priceMode' | 'lines' | 'correction'> {
  const form = invoiceToForm(invoice);
  return {
    buyer: { ...form.buyer, saveToBook: false },
    currency: form.currency,
    exchangeRate: form.exchangeRate,
    priceMode: form.priceMode,
    lines: form.lines,
    correction: {
      ...emptyIssueForm().correction,
      sourceId,
      originalNumber: invoice.number,
      originalIssueDate: invoice.issueDate,
      originalKsefNumber: ksefNumber ?? '',
      linesBefore: form.lines,
    },
  };
}
