/**
 * Random valid invoice models for tests and benchmarks: every kind, every rate (plus OSS and margin),
 * several currencies, every buyer identifier type, third parties, payments, corrections and the rarely
 * used elements (kept as preserved XML). Same seed → same invoice. The models are in the reader's
 * normal form (summary stated, header set, booleans as the reader returns them), so
 * `readInvoiceXml(writeInvoiceXml(model))` must equal the model.
 */
import { INVOICE_KINDS, THIRD_PARTY_ROLES, VAT_RATES } from '../../../../shared/domain/invoice/codes';
import type { InvoiceKind } from '../../../../shared/domain/invoice/codes';
import type { Address, Buyer, Invoice, InvoiceLine, Order, OrderLine, PartyIdentifier, Payment, ThirdParty } from '../../../../shared/domain/invoice/model';
import { computeLineAmounts, computeTotals, sumAmounts } from '../../../../shared/domain/invoice/totals';
import { Random, phrase } from './prng';
import { randomAttachment, randomAuthorizedEntity, randomNewTransportMeans, randomNip, randomTransactionTerms } from './random-extras';

export { randomNip };

const CURRENCIES = ['PLN', 'PLN', 'EUR', 'USD', 'CHF', 'GBP'];
const CORRECTIONS: readonly InvoiceKind[] = ['KOR', 'KOR_ZAL', 'KOR_ROZ'];

function address(random: Random, country = 'PL'): Address {
  const value: Address = { countryCode: country, line1: `ul. ${phrase(random, 40)} ${random.int(1, 99)}` };
  if (random.chance(0.7)) value.line2 = `${random.digits(2)}-${random.digits(3)} ${phrase(random, 20)}`;
  if (random.chance(0.1)) value.gln = random.digits(13);
  return value;
}

/** A valid Polish IBAN (PL + check digits + 24 digits). */
export function randomIban(random: Random): string {
  const bban = random.digits(24);
  const numeric = `${bban}2521` + '00'; // "PL" → 25 21, check digits 00
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + Number(char)) % 97;
  return `PL${String(98 - remainder).padStart(2, '0')}${bban}`;
}

function identifier(random: Random, allowInternal: boolean): PartyIdentifier {
  const kinds = allowInternal ? ['NIP', 'EU_VAT', 'FOREIGN', 'NONE', 'INTERNAL'] : ['NIP', 'EU_VAT', 'FOREIGN', 'NONE'];
  switch (random.pick(kinds)) {
    case 'NIP':
      return { type: 'NIP', value: randomNip(random) };
    case 'EU_VAT':
      return { type: 'EU_VAT', countryCode: random.pick(['DE', 'CZ', 'FR', 'EL', 'XI']), value: `${random.digits(9)}` };
    case 'FOREIGN':
      return random.chance(0.5)
        ? { type: 'FOREIGN', countryCode: random.pick(['US', 'UA', 'GB', 'CN']), value: `ID-${random.digits(8)}` }
        : { type: 'FOREIGN', value: random.digits(10) };
    case 'INTERNAL':
      return { type: 'INTERNAL', value: `${randomNip(random)}-${random.digits(5)}` };
    default:
      return { type: 'NONE' };
  }
}

function buyer(random: Random): Buyer {
  const id = identifier(random, false);
  const value: Buyer = { identifier: id, localGovernmentUnit: random.chance(0.1), vatGroupMember: random.chance(0.1) };
  if (id.type !== 'NONE' || random.chance(0.5)) value.name = phrase(random);
  if (random.chance(0.8)) value.address = address(random, id.type === 'NIP' ? 'PL' : random.pick(['PL', 'DE', 'US']));
  if (random.chance(0.2)) value.correspondenceAddress = address(random);
  if (random.chance(0.4)) value.contacts = [{ email: 'kupujacy@example.pl', phone: random.digits(9) }];
  if (random.chance(0.2)) value.customerNumber = random.digits(6);
  if (random.chance(0.1)) value.buyerId = random.digits(10);
  if (random.chance(0.1)) value.eori = `PL${random.digits(12)}`;
  return value;
}

function thirdParty(random: Random): ThirdParty {
  const party: ThirdParty = { identifier: identifier(random, true), name: phrase(random) };
  if (random.chance(0.8)) party.role = random.pick(THIRD_PARTY_ROLES);
  else party.otherRole = phrase(random, 40);
  if (random.chance(0.4)) party.share = random.pick(['50', '33.333333', '12.5', '100']);
  if (random.chance(0.5)) party.address = address(random);
  if (random.chance(0.2)) party.buyerId = random.digits(8);
  if (random.chance(0.2)) party.contacts = [{ email: 'p3@example.pl' }, { phone: '123456789' }];
  if (random.chance(0.2)) party.customerNumber = random.digits(5);
  return party;
}

function line(random: Random, currency: string, margin: boolean, correction: boolean): InvoiceLine {
  const value: InvoiceLine = { name: phrase(random, 80), unit: random.pick(['szt.', 'h', 'kg', 'usł.']), quantity: random.decimal(50, 3) };
  if (value.quantity === '0') value.quantity = '1';
  const gross = random.chance(0.25);
  const price = random.decimal(5000, random.chance(0.2) ? 4 : 2);
  if (gross) value.unitGrossPrice = price;
  else value.unitNetPrice = price;
  if (random.chance(0.15)) value.discount = random.decimal(10, 2);
  if (margin && random.chance(0.6)) {
    // margin scheme lines carry no rate
  } else if (random.chance(0.1)) {
    value.ossRate = random.pick(['19', '21', '20.5']);
  } else {
    value.rate = random.pick(VAT_RATES);
  }
  const amounts = computeLineAmounts(value);
  if (gross) value.grossTotal = amounts.gross;
  else value.netTotal = amounts.net;
  if (currency !== 'PLN') value.exchangeRate = random.pick(['4.2512', '4.3', '3.9876', '5.1']);
  if (random.chance(0.2)) value.supplyDate = random.date();
  if (random.chance(0.2)) value.uuid = random.digits(16);
  if (random.chance(0.1)) value.index = `IDX-${random.digits(4)}`;
  if (random.chance(0.1)) value.gtin = random.digits(13);
  if (random.chance(0.1)) value.pkwiu = '62.01.11.0';
  if (random.chance(0.1)) value.cn = '8418 21 91';
  if (random.chance(0.05)) value.pkob = '1110';
  if (random.chance(0.1)) value.vatTotal = '0.00';
  if (random.chance(0.1)) value.annex15 = true;
  if (random.chance(0.05)) value.exciseAmount = random.decimal(100, 2);
  if (random.chance(0.1)) value.gtu = random.pick(['GTU_01', 'GTU_06', 'GTU_12', 'GTU_13'] as const);
  if (random.chance(0.05)) value.procedure = random.pick(['WSTO_EE', 'IED', 'TT_D', 'B_SPV'] as const);
  if (correction && random.chance(0.4)) value.beforeCorrection = true;
  return value;
}

function payment(random: Random): Payment {
  const value: Payment = {};
  if (random.chance(0.2)) value.paidDate = random.date(2025, 2026);
  else if (random.chance(0.15)) {
    value.partial = {
      marker: random.pick(['1', '2'] as const),
      payments: [{ amount: random.decimal(1000, 2), date: random.date(2025, 2026), method: '6' }, { amount: '10', date: random.date(2025, 2026), otherMethod: 'kompensata' }],
    };
  }
  if (random.chance(0.7)) {
    value.dueDates = [random.chance(0.7) ? { date: random.date(2025, 2027) } : { description: { quantity: '14', unit: 'dni', startEvent: 'od daty doręczenia' } }];
    if (random.chance(0.2)) value.dueDates.push({ date: random.date(2025, 2027), description: { quantity: '1', unit: 'miesiąc', startEvent: 'od dostawy' } });
  }
  if (random.chance(0.8)) value.method = random.pick(['1', '2', '3', '4', '5', '6', '7'] as const);
  else if (random.chance(0.5)) value.otherMethod = 'barter';
  if (random.chance(0.6)) {
    value.bankAccounts = [{ number: randomIban(random), ...(random.chance(0.5) ? { swift: 'BPKOPLPW', bankName: 'PKO BP' } : {}) }];
  }
  if (random.chance(0.1)) value.factorBankAccounts = [{ number: randomIban(random), ownBankAccount: '2', description: 'PLN' }];
  if (random.chance(0.1)) value.earlyPaymentDiscount = { conditions: 'zapłata w 7 dni', amount: '2%' };
  if (random.chance(0.1)) {
    const id = `${random.digits(3)}AB${random.digits(8)}`;
    value.ksefPaymentId = id;
    value.paymentLink = `https://pay.example.pl/p?IPKSeF=${id}`;
  }
  return value;
}

function randomOrder(random: Random): Order {
  const lines: OrderLine[] = Array.from({ length: random.int(1, 3) }, (_, index) => {
    const line: OrderLine = { lineNumber: index + 1, name: phrase(random), unit: 'szt.', quantity: String(random.int(1, 9)), unitNetPrice: random.decimal(1000, 2) };
    line.rate = random.pick(['23', '8', '5', 'zw'] as const);
    line.netTotal = computeLineAmounts(line).net;
    line.vatTotal = computeLineAmounts(line).vat;
    if (random.chance(0.2)) line.uuid = random.digits(12);
    if (random.chance(0.1)) line.gtu = 'GTU_12';
    if (random.chance(0.1)) line.procedure = 'TT_D';
    if (random.chance(0.1)) line.annex15 = true;
    if (random.chance(0.1)) line.beforeCorrection = true;
    return line;
  });
  return { value: sumAmounts(lines.map((line) => computeLineAmounts(line).gross)), lines };
}

export function randomInvoice(seed: number, forcedKind?: InvoiceKind): Invoice {
  const random = new Random(seed);
  const kind = forcedKind ?? random.pick(INVOICE_KINDS);
  const currency = random.pick(CURRENCIES);
  const margin = random.chance(0.1);
  const isCorrection = CORRECTIONS.includes(kind);
  const lines = Array.from({ length: random.int(kind === 'ZAL' ? 0 : 1, 6) }, (_, index) => ({
    lineNumber: index + 1,
    ...line(random, currency, margin, isCorrection),
  }));
  const invoice: Invoice = {
    kind,
    number: `FV/${random.int(1, 999)}/${random.int(1, 12)}/2026 ${random.chance(0.2) ? '<&>' : ''}`.trim(),
    issueDate: random.date(2025, 2026),
    currency,
    header: { createdAt: `${random.date(2026, 2026)}T${String(random.int(10, 23))}:15:00Z`, ...(random.chance(0.5) ? { systemInfo: 'KSeF Desk' } : {}) },
    seller: {
      nip: randomNip(random),
      name: phrase(random),
      address: address(random),
      ...(random.chance(0.3) ? { contacts: [{ email: 'biuro@example.pl', phone: '+48 123 456 789' }] } : {}),
      ...(random.chance(0.1) ? { vatPrefix: 'PL' as const } : {}),
      ...(random.chance(0.05) ? { taxpayerStatus: '1' as const } : {}),
      ...(random.chance(0.1) ? { correspondenceAddress: address(random) } : {}),
    },
    buyer: buyer(random),
    thirdParties: Array.from({ length: random.chance(0.3) ? random.int(1, 3) : 0 }, () => thirdParty(random)),
    lines,
    annotations: {
      cashAccounting: random.chance(0.1),
      selfBilling: random.chance(0.1),
      reverseCharge: random.chance(0.1),
      splitPayment: random.chance(0.1),
      simplifiedTriangular: random.chance(0.05),
      ...(random.chance(0.2) ? { exemption: { basis: random.pick(['P_19A', 'P_19B', 'P_19C'] as const), text: 'art. 43 ust. 1 pkt 37' } } : {}),
      ...(random.chance(0.05) ? { newTransportMeans: randomNewTransportMeans(random) } : {}),
      ...(margin ? { margin: random.pick(['P_PMarzy_2', 'P_PMarzy_3_1', 'P_PMarzy_3_2', 'P_PMarzy_3_3'] as const) } : {}),
    },
  };
  if (random.chance(0.3)) invoice.issuePlace = phrase(random, 30);
  if (random.chance(0.2)) invoice.deliveryNotes = [`WZ ${random.digits(4)}`, `WZ ${random.digits(4)}`];
  if (random.chance(0.6)) invoice.saleDate = random.date();
  else if (random.chance(0.3)) invoice.salePeriod = { from: '2026-01-01', to: '2026-01-31' };
  invoice.summary = computeTotals(invoice).summary;
  if (kind === 'ZAL' && lines.length === 0) {
    invoice.summary = { buckets: { '1': { net: '1000.00', vat: '230.00', ...(currency !== 'PLN' ? { vatPln: '977.76' } : {}) } }, gross: '1230.00' };
  }
  if (currency !== 'PLN' && random.chance(0.3)) invoice.advanceExchangeRate = '4.2512';
  if (isCorrection) {
    invoice.correction = {
      corrected: [{ issueDate: random.date(2025, 2026), number: `FV/${random.int(1, 99)}/2026`, ...(random.chance(0.7) ? { ksefNumber: `${randomNip(random)}-20260115-ABCDEF-123456-7A` } : {}) }],
      ...(random.chance(0.5) ? { reason: 'zwrot towaru' } : {}),
      ...(random.chance(0.5) ? { type: random.pick(['1', '2', '3'] as const) } : {}),
      ...(random.chance(0.1) ? { period: 'styczeń 2026' } : {}),
      ...(random.chance(0.1) ? { correctedNumber: 'FV/1/2026' } : {}),
      ...(random.chance(0.1) ? { sellerBefore: { nip: invoice.seller.nip, name: 'Stara nazwa', address: address(random) } } : {}),
      ...(random.chance(0.1) ? { buyersBefore: [{ identifier: { type: 'NIP' as const, value: randomNip(random) }, name: 'Poprzedni nabywca', buyerId: 'K1' }] } : {}),
      ...(random.chance(0.2) ? { grossBefore: '100.00', ...(currency !== 'PLN' ? { exchangeRateBefore: '4.1' } : {}) } : {}),
    };
  }
  if (kind === 'ZAL' && random.chance(0.5)) invoice.advanceParts = [{ date: random.date(2025, 2026), gross: '500.00', ...(currency !== 'PLN' ? { exchangeRate: '4.3' } : {}) }];
  if (random.chance(0.1)) invoice.receiptInvoice = true;
  if (random.chance(0.1)) invoice.relatedParties = true;
  if (random.chance(0.3)) invoice.additionalInfo = [{ key: 'Projekt', value: phrase(random) }, ...(lines.length > 0 ? [{ lineNumber: 1, key: 'Uwagi', value: 'wiersz 1' }] : [])];
  if (kind === 'ROZ' || kind === 'KOR_ROZ' || random.chance(0.05)) {
    invoice.advanceInvoices = [random.chance(0.5) ? { ksefNumber: `${randomNip(random)}-20260110-0A1B2C-3D4E5F-00` } : { number: 'ZAL/1/2026' }];
  }
  if (random.chance(0.05)) invoice.exciseRefund = true;
  if (random.chance(0.15)) {
    invoice.settlement = { deductions: [{ amount: '100', reason: 'nadpłata' }], deductionsTotal: '100', ...(random.chance(0.5) ? { toPay: '50' } : { toSettle: '10' }) };
    if (random.chance(0.5)) Object.assign(invoice.settlement, { charges: [{ amount: '5', reason: 'opłata' }], chargesTotal: '5' });
  }
  if (random.chance(0.8)) invoice.payment = payment(random);
  else if (random.chance(0.3)) invoice.payment = { dueDates: [{}] }; // empty optional containers are valid FA(3)
  if (random.chance(0.05)) invoice.seller.contacts = [{}];
  if (random.chance(0.4)) {
    invoice.footer = {
      information: [random.chance(0.9) ? { text: 'Kapitał zakładowy 5 000 000 zł\nul. Nowa 1' } : {}],
      registers: [{ krs: random.digits(10), regon: random.digits(9), bdo: random.digits(9) }, ...(random.chance(0.3) ? [{ fullName: phrase(random) }] : [])],
    };
  }
  if (kind === 'ZAL' || kind === 'KOR_ZAL' || random.chance(0.05)) invoice.order = randomOrder(random);
  if (random.chance(0.2)) invoice.extra = [randomTransactionTerms(random)];
  const documentExtra = [random.chance(0.1) ? randomAuthorizedEntity(random) : undefined, random.chance(0.15) ? randomAttachment(random) : undefined];
  const presentDocumentExtra = documentExtra.filter((value) => value !== undefined);
  if (presentDocumentExtra.length > 0) invoice.documentExtra = presentDocumentExtra;
  return invoice;
}

/** `count` invoices cycling through every kind (seeds `seed`, `seed+1`, …). */
export function randomInvoices(count: number, seed = 1): Invoice[] {
  return Array.from({ length: count }, (_, index) => randomInvoice(seed + index, INVOICE_KINDS[index % INVOICE_KINDS.length]));
}
