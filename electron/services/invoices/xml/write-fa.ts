/** FA(3) XML for the `Fa` element: dates, summary, annotations, correction data, lines, settlement, payment. */
import { SUMMARY_BUCKETS, VAT_BUCKETS, VAT_PLN_BUCKETS } from '../../../../shared/domain/invoice/codes';
import type {
  Annotations,
  BankAccount,
  Correction,
  Invoice,
  InvoiceLine,
  InvoiceSummary,
  Payment,
  Settlement,
} from '../../../../shared/domain/invoice/model';
import { effectiveSummary } from '../../../../shared/domain/invoice/totals';
import { orderXml } from './write-order';
import { addressXml, identificationXml } from './write-parties';
import { OrderedContent, choice12, leaf, markerLeaf, nodeXml, optionalLeaf } from './xml-text';

function summaryXml(summary: InvoiceSummary): string {
  let out = '';
  for (const bucket of SUMMARY_BUCKETS) {
    const total = summary.buckets[bucket];
    if (!total) continue;
    out += leaf(`P_13_${bucket}`, total.net);
    if (VAT_BUCKETS.includes(bucket)) {
      out += bucket === '5' ? optionalLeaf('P_14_5', total.vat) : leaf(`P_14_${bucket}`, total.vat ?? '0');
    }
    if (VAT_PLN_BUCKETS.includes(bucket)) out += optionalLeaf(`P_14_${bucket}W`, total.vatPln);
  }
  return out;
}

function annotationsXml(annotations: Annotations): string {
  const exemption = annotations.exemption
    ? `<P_19>1</P_19>${leaf(annotations.exemption.basis, annotations.exemption.text)}`
    : '<P_19N>1</P_19N>';
  const transport = annotations.newTransportMeans ? nodeXml(annotations.newTransportMeans) : '<NoweSrodkiTransportu><P_22N>1</P_22N></NoweSrodkiTransportu>';
  const margin = annotations.margin ? `<P_PMarzy>1</P_PMarzy><${annotations.margin}>1</${annotations.margin}>` : '<P_PMarzyN>1</P_PMarzyN>';
  const content = new OrderedContent('Adnotacje', annotations.extra)
    .addLeaf('P_16', choice12(annotations.cashAccounting))
    .addLeaf('P_17', choice12(annotations.selfBilling))
    .addLeaf('P_18', choice12(annotations.reverseCharge))
    .addLeaf('P_18A', choice12(annotations.splitPayment))
    .add('Zwolnienie', `<Zwolnienie>${exemption}</Zwolnienie>`)
    .add('NoweSrodkiTransportu', transport)
    .addLeaf('P_23', choice12(annotations.simplifiedTriangular))
    .add('PMarzy', `<PMarzy>${margin}</PMarzy>`)
    .finish();
  return `<Adnotacje>${content}</Adnotacje>`;
}

function correctionXml(correction: Correction | undefined): string {
  if (!correction) return '';
  let out = optionalLeaf('PrzyczynaKorekty', correction.reason) + optionalLeaf('TypKorekty', correction.type);
  for (const corrected of correction.corrected) {
    const ksef = corrected.ksefNumber
      ? `<NrKSeF>1</NrKSeF>${leaf('NrKSeFFaKorygowanej', corrected.ksefNumber)}`
      : '<NrKSeFN>1</NrKSeFN>';
    out += `<DaneFaKorygowanej>${leaf('DataWystFaKorygowanej', corrected.issueDate)}${leaf('NrFaKorygowanej', corrected.number)}${ksef}</DaneFaKorygowanej>`;
  }
  out += optionalLeaf('OkresFaKorygowanej', correction.period) + optionalLeaf('NrFaKorygowany', correction.correctedNumber);
  const seller = correction.sellerBefore;
  if (seller) {
    out += `<Podmiot1K>${optionalLeaf('PrefiksPodatnika', seller.vatPrefix)}<DaneIdentyfikacyjne>${leaf('NIP', seller.nip)}${leaf(
      'Nazwa',
      seller.name,
    )}</DaneIdentyfikacyjne>${addressXml('Adres', seller.address)}</Podmiot1K>`;
  }
  for (const buyer of correction.buyersBefore ?? []) {
    out += `<Podmiot2K>${identificationXml(buyer.identifier, buyer.name)}${addressXml('Adres', buyer.address)}${optionalLeaf(
      'IDNabywcy',
      buyer.buyerId,
    )}</Podmiot2K>`;
  }
  return out + optionalLeaf('P_15ZK', correction.grossBefore) + optionalLeaf('KursWalutyZK', correction.exchangeRateBefore);
}

/** FaWiersz children in schema order with their model keys (flags are written as 1). */
const LINE_FIELDS: readonly (readonly [string, keyof InvoiceLine])[] = [
  ['UU_ID', 'uuid'], ['P_6A', 'supplyDate'], ['P_7', 'name'], ['Indeks', 'index'], ['GTIN', 'gtin'], ['PKWiU', 'pkwiu'],
  ['CN', 'cn'], ['PKOB', 'pkob'], ['P_8A', 'unit'], ['P_8B', 'quantity'], ['P_9A', 'unitNetPrice'],
  ['P_9B', 'unitGrossPrice'], ['P_10', 'discount'], ['P_11', 'netTotal'], ['P_11A', 'grossTotal'], ['P_11Vat', 'vatTotal'],
  ['P_12', 'rate'], ['P_12_XII', 'ossRate'], ['P_12_Zal_15', 'annex15'], ['KwotaAkcyzy', 'exciseAmount'], ['GTU', 'gtu'],
  ['Procedura', 'procedure'], ['KursWaluty', 'exchangeRate'], ['StanPrzed', 'beforeCorrection'],
];

function lineXml(line: InvoiceLine, position: number): string {
  // Hot path of the writer (thousands of lines per second): one table, no per-field closures.
  const content = new OrderedContent('FaWiersz', line.extra).addLeaf('NrWierszaFa', line.lineNumber ?? position);
  for (const [tag, key] of LINE_FIELDS) {
    const value = line[key];
    if (value === undefined || value === false) continue;
    content.add(tag, value === true ? `<${tag}>1</${tag}>` : leaf(tag, value as string));
  }
  return `<FaWiersz>${content.finish()}</FaWiersz>`;
}

function settlementXml(settlement: Settlement | undefined): string {
  if (!settlement) return '';
  const entries = (name: string, list: Settlement['charges']) =>
    (list ?? []).map((entry) => `<${name}>${leaf('Kwota', entry.amount)}${leaf('Powod', entry.reason)}</${name}>`).join('');
  return `<Rozliczenie>${entries('Obciazenia', settlement.charges)}${optionalLeaf('SumaObciazen', settlement.chargesTotal)}${entries(
    'Odliczenia',
    settlement.deductions,
  )}${optionalLeaf('SumaOdliczen', settlement.deductionsTotal)}${optionalLeaf('DoZaplaty', settlement.toPay)}${optionalLeaf(
    'DoRozliczenia',
    settlement.toSettle,
  )}</Rozliczenie>`;
}

function bankAccountXml(name: string, account: BankAccount): string {
  return `<${name}>${leaf('NrRB', account.number)}${optionalLeaf('SWIFT', account.swift)}${optionalLeaf(
    'RachunekWlasnyBanku',
    account.ownBankAccount,
  )}${optionalLeaf('NazwaBanku', account.bankName)}${optionalLeaf('OpisRachunku', account.description)}</${name}>`;
}

function methodXml(method: string | undefined, otherMethod: string | undefined): string {
  if (method !== undefined) return leaf('FormaPlatnosci', method);
  return otherMethod === undefined ? '' : `<PlatnoscInna>1</PlatnoscInna>${leaf('OpisPlatnosci', otherMethod)}`;
}

function paymentXml(payment: Payment | undefined): string {
  if (!payment) return '';
  const content = new OrderedContent('Platnosc', payment.extra);
  if (payment.paidDate !== undefined) content.add('Zaplacono', `<Zaplacono>1</Zaplacono>${leaf('DataZaplaty', payment.paidDate)}`);
  if (payment.partial) {
    let partial = leaf('ZnacznikZaplatyCzesciowej', payment.partial.marker);
    for (const part of payment.partial.payments) {
      partial += `<ZaplataCzesciowa>${leaf('KwotaZaplatyCzesciowej', part.amount)}${leaf('DataZaplatyCzesciowej', part.date)}${methodXml(
        part.method,
        part.otherMethod,
      )}</ZaplataCzesciowa>`;
    }
    content.add('ZnacznikZaplatyCzesciowej', partial);
  }
  for (const due of payment.dueDates ?? []) {
    const description = due.description
      ? `<TerminOpis>${leaf('Ilosc', due.description.quantity)}${leaf('Jednostka', due.description.unit)}${leaf(
          'ZdarzeniePoczatkowe',
          due.description.startEvent,
        )}</TerminOpis>`
      : '';
    content.add('TerminPlatnosci', `<TerminPlatnosci>${optionalLeaf('Termin', due.date)}${description}</TerminPlatnosci>`);
  }
  content.add(payment.method !== undefined ? 'FormaPlatnosci' : 'PlatnoscInna', methodXml(payment.method, payment.otherMethod));
  for (const account of payment.bankAccounts ?? []) content.add('RachunekBankowy', bankAccountXml('RachunekBankowy', account));
  for (const account of payment.factorBankAccounts ?? []) {
    content.add('RachunekBankowyFaktora', bankAccountXml('RachunekBankowyFaktora', account));
  }
  if (payment.earlyPaymentDiscount) {
    const discount = payment.earlyPaymentDiscount;
    content.add('Skonto', `<Skonto>${leaf('WarunkiSkonta', discount.conditions)}${leaf('WysokoscSkonta', discount.amount)}</Skonto>`);
  }
  content.addLeaf('LinkDoPlatnosci', payment.paymentLink).addLeaf('IPKSeF', payment.ksefPaymentId);
  return `<Platnosc>${content.finish()}</Platnosc>`;
}

export function faXml(invoice: Invoice): string {
  const content = new OrderedContent('Fa', invoice.extra)
    .addLeaf('KodWaluty', invoice.currency)
    .addLeaf('P_1', invoice.issueDate)
    .addLeaf('P_1M', invoice.issuePlace)
    .addLeaf('P_2', invoice.number)
    .add('WZ', (invoice.deliveryNotes ?? []).map((note) => leaf('WZ', note)).join(''))
    .addLeaf('P_6', invoice.saleDate);
  if (invoice.salePeriod) {
    content.add('OkresFa', `<OkresFa>${leaf('P_6_Od', invoice.salePeriod.from)}${leaf('P_6_Do', invoice.salePeriod.to)}</OkresFa>`);
  }
  const summary = effectiveSummary(invoice);
  content
    .add('P_13_1', summaryXml(summary))
    .addLeaf('P_15', summary.gross)
    .addLeaf('KursWalutyZ', invoice.advanceExchangeRate)
    .add('Adnotacje', annotationsXml(invoice.annotations))
    .addLeaf('RodzajFaktury', invoice.kind)
    .add('PrzyczynaKorekty', correctionXml(invoice.correction));
  for (const part of invoice.advanceParts ?? []) {
    content.add(
      'ZaliczkaCzesciowa',
      `<ZaliczkaCzesciowa>${leaf('P_6Z', part.date)}${leaf('P_15Z', part.gross)}${optionalLeaf('KursWalutyZW', part.exchangeRate)}</ZaliczkaCzesciowa>`,
    );
  }
  content.add('FP', markerLeaf('FP', invoice.receiptInvoice)).add('TP', markerLeaf('TP', invoice.relatedParties));
  for (const info of invoice.additionalInfo ?? []) {
    content.add(
      'DodatkowyOpis',
      `<DodatkowyOpis>${optionalLeaf('NrWiersza', info.lineNumber)}${leaf('Klucz', info.key)}${leaf('Wartosc', info.value)}</DodatkowyOpis>`,
    );
  }
  for (const ref of invoice.advanceInvoices ?? []) {
    const body = ref.ksefNumber !== undefined ? leaf('NrKSeFFaZaliczkowej', ref.ksefNumber) : `<NrKSeFZN>1</NrKSeFZN>${leaf('NrFaZaliczkowej', ref.number ?? '')}`;
    content.add('FakturaZaliczkowa', `<FakturaZaliczkowa>${body}</FakturaZaliczkowa>`);
  }
  content.add('ZwrotAkcyzy', markerLeaf('ZwrotAkcyzy', invoice.exciseRefund));
  let lines = '';
  invoice.lines.forEach((line, index) => {
    lines += lineXml(line, index + 1);
  });
  content.add('FaWiersz', lines).add('Rozliczenie', settlementXml(invoice.settlement)).add('Platnosc', paymentXml(invoice.payment));
  content.add('Zamowienie', orderXml(invoice.order));
  return `<Fa>${content.finish()}</Fa>`;
}
