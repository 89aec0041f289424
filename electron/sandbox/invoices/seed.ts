/** Deterministic FA(3) invoices "received" by a buyer, for filling the sandbox with realistic, XSD-valid data. */
import { formatAmount, percentOf } from '../../../shared/domain/money';
import type { Fa3InvoiceKind } from './facts-types';
import { renderFa3Invoice, type Fa3InvoiceModel, type Fa3Line, type Fa3Party, type Fa3Totals } from './fa3-writer';
import { buildKsefNumber } from './ksef-number';
import { CITIES, COMPANY_NAMES, CORRECTION_REASONS, FRACTIONAL_UNITS, PRODUCTS, STREETS } from './seed-data';
import { SeededRandom, addDays, daysBetween } from './seed-random';

export type SeedVariant = 'standard' | 'manyLines' | 'correction' | 'foreignCurrency' | 'thirdSubject';
export const SEED_VARIANTS: readonly SeedVariant[] = ['standard', 'manyLines', 'correction', 'foreignCurrency', 'thirdSubject'];

export interface IssueDateRange {
  /** Inclusive `YYYY-MM-DD` bounds. */
  from: string;
  to: string;
}

export interface GeneratedInvoice {
  /** Suggested file name inside a batch archive. */
  fileName: string;
  xml: Buffer;
  variant: SeedVariant;
  /** What `extractInvoiceFacts` must report for this invoice. */
  expected: Fa3Totals & {
    sellerNip: string;
    sellerName: string;
    invoiceNumber: string;
    issueDate: string;
    kind: Fa3InvoiceKind;
    currency: string;
  };
}

/** Relative weights of the variants after the first few invoices (which cover every variant once). */
const VARIANT_WEIGHTS: ReadonlyArray<readonly [SeedVariant, number]> = [
  ['standard', 55],
  ['manyLines', 10],
  ['correction', 12],
  ['foreignCurrency', 12],
  ['thirdSubject', 11],
];

export function generateReceivedInvoices(buyerNip: string, count: number, seed: number, issueDateRange: IssueDateRange): GeneratedInvoice[] {
  const span = daysBetween(issueDateRange.from, issueDateRange.to);
  if (!(span >= 0)) throw new Error(`Invalid issue date range ${issueDateRange.from}..${issueDateRange.to}`);
  const random = new SeededRandom(seed);
  const sellers = Array.from({ length: Math.max(3, Math.min(40, Math.ceil(count / 4))) }, () => randomParty(random));
  const buyer: Fa3Party = { ...randomParty(random), nip: buyerNip };
  return Array.from({ length: count }, (_, index) => {
    const variant = index < SEED_VARIANTS.length ? (SEED_VARIANTS[index] ?? 'standard') : weightedVariant(random);
    const issueDate = addDays(issueDateRange.from, random.int(0, span));
    const seller = random.pick(sellers);
    const model = buildModel(random, variant, { seller, buyer, issueDate, sequence: index + 1 });
    const { xml, totals } = renderFa3Invoice(model);
    return {
      fileName: `invoice-${String(index + 1).padStart(5, '0')}.xml`,
      xml: Buffer.from(xml, 'utf8'),
      variant,
      expected: {
        ...totals,
        sellerNip: seller.nip,
        sellerName: seller.name,
        invoiceNumber: model.invoiceNumber,
        issueDate,
        kind: model.kind,
        currency: model.currency,
      },
    };
  });
}

interface ModelContext {
  seller: Fa3Party;
  buyer: Fa3Party;
  issueDate: string;
  sequence: number;
}

function buildModel(random: SeededRandom, variant: SeedVariant, context: ModelContext): Fa3InvoiceModel {
  const { seller, buyer, issueDate, sequence } = context;
  const [year, month] = issueDate.split('-');
  const prefix = variant === 'correction' ? 'KOR' : 'FV';
  const base: Fa3InvoiceModel = {
    seller,
    buyer,
    createdAt: creationTimestamp(random, issueDate),
    issueDate,
    placeOfIssue: (seller.addressLine2.split(' ').slice(1).join(' ') || 'Warszawa'),
    invoiceNumber: `${prefix}/${sequence}/${month}/${year}`,
    currency: 'PLN',
    kind: 'VAT',
    lines: randomLines(random, variant === 'manyLines' ? random.int(40, 120) : random.int(1, 6)),
    paymentDueDate: addDays(issueDate, random.pick([7, 14, 21, 30])),
    bankAccount: `PL${random.digits(26)}`,
  };
  switch (variant) {
    case 'foreignCurrency':
      return {
        ...base,
        currency: 'EUR',
        exchangeRate: `4.${random.digits(4)}`,
        lines: base.lines.map((line) => ({ ...line, rate: line.rate === 'zw' || line.rate === '0 KR' ? '23' : line.rate })),
      };
    case 'thirdSubject':
      return { ...base, thirdSubject: { ...randomParty(random), role: random.pick([1, 2, 4, 6]) } };
    case 'correction':
      return correctionOf(random, base);
    default:
      return base;
  }
}

/** A KOR invoice lowering prices or quantities of some lines of an earlier invoice (before/after line pairs). */
function correctionOf(random: SeededRandom, base: Fa3InvoiceModel): Fa3InvoiceModel {
  const originalIssueDate = addDays(base.issueDate, -random.int(5, 60));
  const originalAcceptedAt = new Date(`${originalIssueDate}T10:00:00Z`);
  const lines: Fa3Line[] = base.lines.slice(0, 3).flatMap((original) => {
    // Exact: a 5–30 % price cut, rounded half-up to grosze.
    const discountedPrice = formatAmount(percentOf(original.unitNetPrice, String(random.int(70, 95))));
    return [
      { ...original, beforeCorrection: true },
      { ...original, unitNetPrice: discountedPrice },
    ];
  });
  return {
    ...base,
    kind: 'KOR',
    lines,
    correction: {
      reason: random.pick(CORRECTION_REASONS),
      effectType: random.pick([1, 2, 3] as const),
      originalIssueDate,
      originalInvoiceNumber: `FV/${random.int(1, 999)}/${originalIssueDate.slice(5, 7)}/${originalIssueDate.slice(0, 4)}`,
      ...(random.chance(0.8) ? { originalKsefNumber: buildKsefNumber(base.seller.nip, originalAcceptedAt, random.hex(12)) } : {}),
    },
  };
}

function randomLines(random: SeededRandom, count: number): Fa3Line[] {
  return Array.from({ length: count }, () => {
    const product = random.pick(PRODUCTS);
    const quantity = FRACTIONAL_UNITS.has(product.unit)
      ? formatAmount(`${random.int(1, 200)}.${random.digits(3)}`, 3)
      : String(random.int(1, 50));
    const priceGrosze = random.int(product.minPriceGrosze, product.maxPriceGrosze);
    return {
      uuid: random.uuid(),
      name: product.name,
      unit: product.unit,
      quantity,
      unitNetPrice: `${Math.floor(priceGrosze / 100)}.${String(priceGrosze % 100).padStart(2, '0')}`,
      rate: product.rate,
    };
  });
}

function randomParty(random: SeededRandom): Fa3Party {
  return {
    nip: random.nip(),
    name: random.pick(COMPANY_NAMES),
    addressLine1: `${random.pick(STREETS)} ${random.int(1, 250)}${random.chance(0.3) ? ` m. ${random.int(1, 80)}` : ''}`,
    addressLine2: random.pick(CITIES),
  };
}

function weightedVariant(random: SeededRandom): SeedVariant {
  const total = VARIANT_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.int(1, total);
  for (const [variant, weight] of VARIANT_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return variant;
  }
  return 'standard';
}

/** `DataWytworzeniaFa` must not precede 2025-09-01 (FA(3) minimum), so older issue dates get that floor. */
function creationTimestamp(random: SeededRandom, issueDate: string): string {
  const time = `${String(random.int(6, 20)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
  return issueDate < '2025-09-01' ? '2025-09-01T00:00:00Z' : `${issueDate}T${time}Z`;
}
