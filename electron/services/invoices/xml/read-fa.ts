/** Maps the parts of `Fa` (summary, annotations, correction, lines, settlement, payment) onto the model. */
import {
  CORRECTION_TYPES,
  EXEMPTION_BASES,
  GTU_CODES,
  LINE_PROCEDURES,
  MARGIN_PROCEDURES,
  OWN_BANK_ACCOUNT_TYPES,
  PAYMENT_METHOD_CODES,
  SUMMARY_BUCKETS,
  VAT_BUCKETS,
  VAT_PLN_BUCKETS,
  VAT_RATES,
} from '../../../../shared/domain/invoice/codes';
import type {
  Annotations,
  BankAccount,
  BucketTotal,
  Correction,
  DueDate,
  InvoiceLine,
  InvoiceSummary,
  PartialPayment,
  Payment,
  Settlement,
} from '../../../../shared/domain/invoice/model';
import { readAddress, readIdentification } from './read-parties';
import { Children, Fa3ContentError, assignDefined, oneOf, toNode } from './read-support';
import type { XmlElement } from './xml-parser';

const FA = '/Faktura/Fa';

export function readSummary(children: Children): InvoiceSummary {
  const buckets: InvoiceSummary['buckets'] = {};
  for (const bucket of SUMMARY_BUCKETS) {
    const net = children.text(`P_13_${bucket}`);
    if (net === undefined) continue;
    const total: BucketTotal = { net };
    if (VAT_BUCKETS.includes(bucket)) assignDefined(total, 'vat', children.text(`P_14_${bucket}`));
    if (VAT_PLN_BUCKETS.includes(bucket)) assignDefined(total, 'vatPln', children.text(`P_14_${bucket}W`));
    buckets[bucket] = total;
  }
  return { buckets, gross: children.requiredText('P_15') };
}

export function readAnnotations(element: XmlElement): Annotations {
  const path = `${FA}/Adnotacje`;
  const children = new Children(element, path);
  const annotations: Annotations = {
    cashAccounting: children.flag('P_16'),
    selfBilling: children.flag('P_17'),
    reverseCharge: children.flag('P_18'),
    splitPayment: children.flag('P_18A'),
    simplifiedTriangular: children.flag('P_23'),
  };
  const exemption = children.one('Zwolnienie');
  if (exemption) {
    const part = new Children(exemption, `${path}/Zwolnienie`);
    if (part.one('P_19')) {
      const basis = EXEMPTION_BASES.find((name) => part.has(name));
      if (!basis) throw new Fa3ContentError(`${path}/Zwolnienie needs P_19A, P_19B or P_19C`, path, exemption.offset);
      annotations.exemption = { basis, text: part.requiredText(basis) };
    } else {
      part.requiredText('P_19N');
    }
    part.done();
  }
  const transport = children.one('NoweSrodkiTransportu');
  if (transport) {
    const only = transport.children.length === 1 ? transport.children[0] : undefined;
    if (only?.name !== 'P_22N') annotations.newTransportMeans = toNode(transport, path);
  }
  const margin = children.one('PMarzy');
  if (margin) {
    const part = new Children(margin, `${path}/PMarzy`);
    if (part.one('P_PMarzy')) {
      const procedure = MARGIN_PROCEDURES.find((name) => part.one(name));
      if (!procedure) throw new Fa3ContentError(`${path}/PMarzy needs the margin procedure`, path, margin.offset);
      annotations.margin = procedure;
    } else {
      part.requiredText('P_PMarzyN');
    }
    part.done();
  }
  assignDefined(annotations, 'extra', children.rest());
  return annotations;
}

export function readCorrection(children: Children): Correction | undefined {
  const corrected = children.all('DaneFaKorygowanej');
  if (corrected.length === 0) return undefined;
  const correction: Correction = {
    corrected: corrected.map((element, index) => {
      const part = new Children(element, `${FA}/DaneFaKorygowanej[${index + 1}]`);
      const entry = { issueDate: part.requiredText('DataWystFaKorygowanej'), number: part.requiredText('NrFaKorygowanej') };
      const inKsef = part.one('NrKSeF') !== undefined;
      const result = inKsef ? { ...entry, ksefNumber: part.requiredText('NrKSeFFaKorygowanej') } : entry;
      if (!inKsef) part.requiredText('NrKSeFN');
      part.done();
      return result;
    }),
  };
  assignDefined(correction, 'reason', children.text('PrzyczynaKorekty'));
  const type = children.one('TypKorekty');
  if (type) correction.type = oneOf(CORRECTION_TYPES, type.text.trim(), `${FA}/TypKorekty`, type.offset);
  assignDefined(correction, 'period', children.text('OkresFaKorygowanej'));
  assignDefined(correction, 'correctedNumber', children.text('NrFaKorygowany'));
  const sellerBefore = children.one('Podmiot1K');
  if (sellerBefore) {
    const part = new Children(sellerBefore, `${FA}/Podmiot1K`);
    const prefix = part.text('PrefiksPodatnika');
    const id = new Children(part.required('DaneIdentyfikacyjne'), `${FA}/Podmiot1K/DaneIdentyfikacyjne`);
    const seller = { nip: id.requiredText('NIP'), name: id.requiredText('Nazwa') };
    id.done();
    const address = readAddress(part.required('Adres'), `${FA}/Podmiot1K/Adres`);
    part.done();
    correction.sellerBefore = { ...(prefix !== undefined ? { vatPrefix: prefix } : {}), ...seller, address };
  }
  const buyersBefore = children.all('Podmiot2K');
  if (buyersBefore.length > 0) {
    correction.buyersBefore = buyersBefore.map((element, index) => {
      const path = `${FA}/Podmiot2K[${index + 1}]`;
      const part = new Children(element, path);
      const buyer: NonNullable<Correction['buyersBefore']>[number] = readIdentification(part.required('DaneIdentyfikacyjne'), `${path}/DaneIdentyfikacyjne`);
      assignDefined(buyer, 'address', readAddress(part.one('Adres'), `${path}/Adres`));
      assignDefined(buyer, 'buyerId', part.text('IDNabywcy'));
      part.done();
      return buyer;
    });
  }
  assignDefined(correction, 'grossBefore', children.text('P_15ZK'));
  assignDefined(correction, 'exchangeRateBefore', children.text('KursWalutyZK'));
  return correction;
}

export function readLine(element: XmlElement, position: number): InvoiceLine {
  const path = `${FA}/FaWiersz[${position}]`;
  const c = new Children(element, path);
  const line: InvoiceLine = {};
  const lineNumber = c.text('NrWierszaFa');
  if (lineNumber !== undefined) line.lineNumber = Number(lineNumber);
  assignDefined(line, 'uuid', c.text('UU_ID'));
  assignDefined(line, 'supplyDate', c.text('P_6A'));
  assignDefined(line, 'name', c.text('P_7'));
  assignDefined(line, 'index', c.text('Indeks'));
  assignDefined(line, 'gtin', c.text('GTIN'));
  assignDefined(line, 'pkwiu', c.text('PKWiU'));
  assignDefined(line, 'cn', c.text('CN'));
  assignDefined(line, 'pkob', c.text('PKOB'));
  assignDefined(line, 'unit', c.text('P_8A'));
  assignDefined(line, 'quantity', c.text('P_8B'));
  assignDefined(line, 'unitNetPrice', c.text('P_9A'));
  assignDefined(line, 'unitGrossPrice', c.text('P_9B'));
  assignDefined(line, 'discount', c.text('P_10'));
  assignDefined(line, 'netTotal', c.text('P_11'));
  assignDefined(line, 'grossTotal', c.text('P_11A'));
  assignDefined(line, 'vatTotal', c.text('P_11Vat'));
  const rate = c.text('P_12');
  if (rate !== undefined) line.rate = oneOf(VAT_RATES, rate, `${path}/P_12`, element.offset);
  assignDefined(line, 'ossRate', c.text('P_12_XII'));
  assignDefined(line, 'annex15', c.marker('P_12_Zal_15'));
  assignDefined(line, 'exciseAmount', c.text('KwotaAkcyzy'));
  assignDefined(line, 'gtu', oneOf(GTU_CODES, c.text('GTU'), `${path}/GTU`, element.offset));
  assignDefined(line, 'procedure', oneOf(LINE_PROCEDURES, c.text('Procedura'), `${path}/Procedura`, element.offset));
  assignDefined(line, 'exchangeRate', c.text('KursWaluty'));
  assignDefined(line, 'beforeCorrection', c.marker('StanPrzed'));
  assignDefined(line, 'extra', c.rest());
  return line;
}

export function readSettlement(element: XmlElement | undefined): Settlement | undefined {
  if (!element) return undefined;
  const path = `${FA}/Rozliczenie`;
  const c = new Children(element, path);
  const entries = (name: string) => {
    const list = c.all(name).map((entry) => {
      const part = new Children(entry, `${path}/${name}`);
      const value = { amount: part.requiredText('Kwota'), reason: part.requiredText('Powod') };
      part.done();
      return value;
    });
    return list.length > 0 ? list : undefined;
  };
  const settlement: Settlement = {};
  assignDefined(settlement, 'charges', entries('Obciazenia'));
  assignDefined(settlement, 'chargesTotal', c.text('SumaObciazen'));
  assignDefined(settlement, 'deductions', entries('Odliczenia'));
  assignDefined(settlement, 'deductionsTotal', c.text('SumaOdliczen'));
  assignDefined(settlement, 'toPay', c.text('DoZaplaty'));
  assignDefined(settlement, 'toSettle', c.text('DoRozliczenia'));
  c.done();
  return settlement;
}

function readMethod(c: Children, path: string, target: { method?: Payment['method']; otherMethod?: string }): void {
  const method = c.one('FormaPlatnosci');
  if (method) target.method = oneOf(PAYMENT_METHOD_CODES, method.text.trim(), `${path}/FormaPlatnosci`, method.offset);
  if (c.one('PlatnoscInna')) target.otherMethod = c.requiredText('OpisPlatnosci');
}

function readBankAccount(element: XmlElement, path: string): BankAccount {
  const c = new Children(element, path);
  const account: BankAccount = { number: c.requiredText('NrRB') };
  assignDefined(account, 'swift', c.text('SWIFT'));
  const own = c.one('RachunekWlasnyBanku');
  if (own) account.ownBankAccount = oneOf(OWN_BANK_ACCOUNT_TYPES, own.text.trim(), `${path}/RachunekWlasnyBanku`, own.offset);
  assignDefined(account, 'bankName', c.text('NazwaBanku'));
  assignDefined(account, 'description', c.text('OpisRachunku'));
  c.done();
  return account;
}

export function readPayment(element: XmlElement | undefined): Payment | undefined {
  if (!element) return undefined;
  const path = `${FA}/Platnosc`;
  const c = new Children(element, path);
  const payment: Payment = {};
  if (c.one('Zaplacono')) payment.paidDate = c.requiredText('DataZaplaty');
  const partialMarker = c.text('ZnacznikZaplatyCzesciowej');
  if (partialMarker !== undefined) {
    const payments = c.all('ZaplataCzesciowa').map((part, index) => {
      const partPath = `${path}/ZaplataCzesciowa[${index + 1}]`;
      const pc = new Children(part, partPath);
      const entry: PartialPayment = { amount: pc.requiredText('KwotaZaplatyCzesciowej'), date: pc.requiredText('DataZaplatyCzesciowej') };
      readMethod(pc, partPath, entry);
      pc.done();
      return entry;
    });
    payment.partial = { marker: oneOf(['1', '2'] as const, partialMarker, `${path}/ZnacznikZaplatyCzesciowej`, element.offset) ?? '1', payments };
  }
  const dueDates = c.all('TerminPlatnosci').map((due, index) => {
    const duePath = `${path}/TerminPlatnosci[${index + 1}]`;
    const dc = new Children(due, duePath);
    const entry: DueDate = {};
    assignDefined(entry, 'date', dc.text('Termin'));
    const description = dc.one('TerminOpis');
    if (description) {
      const oc = new Children(description, `${duePath}/TerminOpis`);
      entry.description = { quantity: oc.requiredText('Ilosc'), unit: oc.requiredText('Jednostka'), startEvent: oc.requiredText('ZdarzeniePoczatkowe') };
      oc.done();
    }
    dc.done();
    return entry;
  });
  if (dueDates.length > 0) payment.dueDates = dueDates;
  readMethod(c, path, payment);
  const accounts = c.all('RachunekBankowy').map((account, index) => readBankAccount(account, `${path}/RachunekBankowy[${index + 1}]`));
  if (accounts.length > 0) payment.bankAccounts = accounts;
  const factor = c.all('RachunekBankowyFaktora').map((account, index) => readBankAccount(account, `${path}/RachunekBankowyFaktora[${index + 1}]`));
  if (factor.length > 0) payment.factorBankAccounts = factor;
  const discount = c.one('Skonto');
  if (discount) {
    const dc = new Children(discount, `${path}/Skonto`);
    payment.earlyPaymentDiscount = { conditions: dc.requiredText('WarunkiSkonta'), amount: dc.requiredText('WysokoscSkonta') };
    dc.done();
  }
  assignDefined(payment, 'paymentLink', c.text('LinkDoPlatnosci'));
  assignDefined(payment, 'ksefPaymentId', c.text('IPKSeF'));
  assignDefined(payment, 'extra', c.rest());
  return payment;
}
