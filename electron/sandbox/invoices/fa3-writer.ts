/** Renders an FA(3) invoice XML from a small model, computing every total exactly (decimal strings, half-up). */
import { addAmounts, formatAmount, multiplyAmounts, percentOf, subtractAmounts } from '../../../shared/domain/money';
import { FA3_ETD_NAMESPACE, FA3_NAMESPACE } from './fa3-constants';
import type { SeedVatRate } from './seed-data';
import { escapeXmlText } from './upo';

export interface Fa3Party {
  nip: string;
  name: string;
  addressLine1: string;
  addressLine2: string;
}

export interface Fa3Line {
  uuid: string;
  name: string;
  unit: string;
  /** Decimal text, up to 6 fraction digits. */
  quantity: string;
  /** Net unit price, decimal text with 2 fraction digits. */
  unitNetPrice: string;
  rate: SeedVatRate;
  /** Correcting invoices list the state before the correction (`StanPrzed`) and after it. */
  beforeCorrection?: boolean;
}

export interface Fa3Correction {
  reason: string;
  /** `TypKorekty`: 1 original period, 2 correction period, 3 other. */
  effectType: 1 | 2 | 3;
  originalIssueDate: string;
  originalInvoiceNumber: string;
  originalKsefNumber?: string;
}

export interface Fa3InvoiceModel {
  seller: Fa3Party;
  buyer: Fa3Party;
  thirdSubject?: Fa3Party & { role: number };
  createdAt: string;
  issueDate: string;
  placeOfIssue: string;
  invoiceNumber: string;
  currency: string;
  /** PLN per unit of `currency` (required when currency is not PLN). */
  exchangeRate?: string;
  kind: 'VAT' | 'KOR';
  correction?: Fa3Correction;
  lines: Fa3Line[];
  paymentDueDate: string;
  bankAccount: string;
}

export interface Fa3Totals {
  netAmount: string;
  /** In PLN (the `P_14_xW` values for foreign currency), matching `InvoiceFacts.vatAmount`. */
  vatAmount: string;
  grossAmount: string;
}

interface RateGroup {
  netField: string;
  vatField?: string;
  plnVatField?: string;
  percent?: string;
}

const RATE_GROUPS: Readonly<Record<SeedVatRate, RateGroup>> = {
  '23': { netField: 'P_13_1', vatField: 'P_14_1', plnVatField: 'P_14_1W', percent: '23' },
  '8': { netField: 'P_13_2', vatField: 'P_14_2', plnVatField: 'P_14_2W', percent: '8' },
  '5': { netField: 'P_13_3', vatField: 'P_14_3', plnVatField: 'P_14_3W', percent: '5' },
  '0 KR': { netField: 'P_13_6_1' },
  zw: { netField: 'P_13_7' },
};
/** Schema order of the rate groups inside `Fa`. */
const RATE_ORDER: readonly SeedVatRate[] = ['23', '8', '5', '0 KR', 'zw'];

export function lineNetValue(line: Fa3Line): string {
  return formatAmount(multiplyAmounts(line.quantity, line.unitNetPrice));
}

/** Renders the invoice and returns the totals it declares. */
export function renderFa3Invoice(model: Fa3InvoiceModel): { xml: string; totals: Fa3Totals } {
  const summary = summarize(model);
  const fa = [
    el(2, 'KodWaluty', model.currency),
    el(2, 'P_1', model.issueDate),
    el(2, 'P_1M', model.placeOfIssue),
    el(2, 'P_2', model.invoiceNumber),
    el(2, 'P_6', model.issueDate),
    ...summary.fields,
    el(2, 'P_15', summary.totals.grossAmount),
    ...renderAnnotations(model),
    el(2, 'RodzajFaktury', model.kind),
    ...(model.correction ? renderCorrection(model.correction) : []),
    ...model.lines.flatMap((line, index) => renderLine(model, line, index + 1)),
    '\t\t<Platnosc>',
    `\t\t\t<TerminPlatnosci>${el(0, 'Termin', model.paymentDueDate)}</TerminPlatnosci>`,
    el(3, 'FormaPlatnosci', '6'),
    `\t\t\t<RachunekBankowy>${el(0, 'NrRB', model.bankAccount)}</RachunekBankowy>`,
    '\t\t</Platnosc>',
  ];
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Faktura xmlns="${FA3_NAMESPACE}" xmlns:etd="${FA3_ETD_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '\t<Naglowek>',
    '\t\t<KodFormularza kodSystemowy="FA (3)" wersjaSchemy="1-0E">FA</KodFormularza>',
    el(2, 'WariantFormularza', '3'),
    el(2, 'DataWytworzeniaFa', model.createdAt),
    el(2, 'SystemInfo', 'KSeF Desk sandbox'),
    '\t</Naglowek>',
    ...renderParty('Podmiot1', model.seller, []),
    ...renderParty('Podmiot2', model.buyer, [el(2, 'JST', '2'), el(2, 'GV', '2')]),
    ...(model.thirdSubject ? renderParty('Podmiot3', model.thirdSubject, [el(2, 'Rola', String(model.thirdSubject.role))]) : []),
    '\t<Fa>',
    ...fa,
    '\t</Fa>',
    '</Faktura>',
  ];
  return { xml: `${xml.join('\n')}\n`, totals: summary.totals };
}

function summarize(model: Fa3InvoiceModel): { fields: string[]; totals: Fa3Totals } {
  const foreign = model.currency !== 'PLN';
  if (foreign && !model.exchangeRate) throw new Error('Foreign-currency invoices need an exchange rate');
  const fields: string[] = [];
  const nets: string[] = [];
  const vats: string[] = [];
  const plnVats: string[] = [];
  for (const rate of RATE_ORDER) {
    const lines = model.lines.filter((line) => line.rate === rate);
    if (lines.length === 0) continue;
    const group = RATE_GROUPS[rate];
    // Corrections declare differences: after-state minus before-state, each side rounded like its own invoice.
    const after = addAmounts(...lines.filter((line) => !line.beforeCorrection).map(lineNetValue));
    const before = addAmounts(...lines.filter((line) => line.beforeCorrection).map(lineNetValue));
    const net = formatAmount(subtractAmounts(after, before));
    nets.push(net);
    fields.push(el(2, group.netField, net));
    if (!group.vatField || !group.percent) continue;
    const vatOf = (amount: string): string => formatAmount(percentOf(amount, group.percent ?? '0'));
    const vat = formatAmount(subtractAmounts(vatOf(after), vatOf(before)));
    vats.push(vat);
    fields.push(el(2, group.vatField, vat));
    if (foreign && group.plnVatField) {
      const plnVat = formatAmount(multiplyAmounts(vat, model.exchangeRate ?? '1'));
      plnVats.push(plnVat);
      fields.push(el(2, group.plnVatField, plnVat));
    }
  }
  const netAmount = formatAmount(addAmounts(...nets));
  const vatInCurrency = formatAmount(addAmounts(...vats));
  return {
    fields,
    totals: {
      netAmount,
      vatAmount: foreign ? formatAmount(addAmounts(...plnVats)) : vatInCurrency,
      grossAmount: formatAmount(addAmounts(netAmount, vatInCurrency)),
    },
  };
}

function renderParty(tag: string, party: Fa3Party, extra: string[]): string[] {
  return [
    `\t<${tag}>`,
    '\t\t<DaneIdentyfikacyjne>',
    el(3, 'NIP', party.nip),
    el(3, 'Nazwa', party.name),
    '\t\t</DaneIdentyfikacyjne>',
    '\t\t<Adres>',
    el(3, 'KodKraju', 'PL'),
    el(3, 'AdresL1', party.addressLine1),
    el(3, 'AdresL2', party.addressLine2),
    '\t\t</Adres>',
    ...extra,
    `\t</${tag}>`,
  ];
}

function renderAnnotations(model: Fa3InvoiceModel): string[] {
  const hasExempt = model.lines.some((line) => line.rate === 'zw');
  const exemption = hasExempt
    ? `${el(0, 'P_19', '1')}${el(0, 'P_19A', 'art. 43 ust. 1 pkt 29 lit. c ustawy o VAT')}`
    : el(0, 'P_19N', '1');
  return [
    '\t\t<Adnotacje>',
    el(3, 'P_16', '2'),
    el(3, 'P_17', '2'),
    el(3, 'P_18', '2'),
    el(3, 'P_18A', '2'),
    `\t\t\t<Zwolnienie>${exemption}</Zwolnienie>`,
    `\t\t\t<NoweSrodkiTransportu>${el(0, 'P_22N', '1')}</NoweSrodkiTransportu>`,
    el(3, 'P_23', '2'),
    `\t\t\t<PMarzy>${el(0, 'P_PMarzyN', '1')}</PMarzy>`,
    '\t\t</Adnotacje>',
  ];
}

function renderCorrection(correction: Fa3Correction): string[] {
  const ksefReference = correction.originalKsefNumber
    ? `${el(0, 'NrKSeF', '1')}${el(0, 'NrKSeFFaKorygowanej', correction.originalKsefNumber)}`
    : el(0, 'NrKSeFN', '1');
  return [
    el(2, 'PrzyczynaKorekty', correction.reason),
    el(2, 'TypKorekty', String(correction.effectType)),
    '\t\t<DaneFaKorygowanej>',
    el(3, 'DataWystFaKorygowanej', correction.originalIssueDate),
    el(3, 'NrFaKorygowanej', correction.originalInvoiceNumber),
    `\t\t\t${ksefReference}`,
    '\t\t</DaneFaKorygowanej>',
  ];
}

function renderLine(model: Fa3InvoiceModel, line: Fa3Line, number: number): string[] {
  return [
    '\t\t<FaWiersz>',
    el(3, 'NrWierszaFa', String(number)),
    el(3, 'UU_ID', line.uuid),
    el(3, 'P_7', line.name),
    el(3, 'P_8A', line.unit),
    el(3, 'P_8B', line.quantity),
    el(3, 'P_9A', line.unitNetPrice),
    el(3, 'P_11', lineNetValue(line)),
    el(3, 'P_12', line.rate),
    ...(model.currency !== 'PLN' && model.exchangeRate ? [el(3, 'KursWaluty', model.exchangeRate)] : []),
    ...(line.beforeCorrection ? [el(3, 'StanPrzed', '1')] : []),
    '\t\t</FaWiersz>',
  ];
}

function el(depth: number, name: string, text: string): string {
  return `${'\t'.repeat(depth)}<${name}>${escapeXmlText(text)}</${name}>`;
}
