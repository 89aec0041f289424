import { z } from 'zod';
import type { InvoiceViewData } from '../../domain/invoice/view';
import { defineChannel, defineEvent } from '../define';
import {
  BUYER_IDENTIFIER_TYPES,
  issueFormValuesSchema,
  PAYMENT_METHODS,
  PRICE_MODES,
  type BuyerIdentifierType,
  type FormAddress,
  type IssueFormValues,
  type PaymentMethod,
  type PriceMode,
} from './issue-form';
import { nipSchema, type Changed, type Done } from './limits';

export * from './issue-form';

/** The seller's data printed on every invoice of one company (NIP context). */
export interface SellerProfile {
  nip: string;
  name: string;
  address: FormAddress;
  email: string;
  phone: string;
  bankAccounts: BankAccount[];
  krs: string;
  regon: string;
  bdo: string;
  /** Days from the issue date to the payment due date proposed on a new invoice. */
  defaultPaymentDays: number;
  defaultPaymentMethod: PaymentMethod;
  defaultPlaceOfIssue: string;
}

export interface BankAccount {
  /** Electronic format: country code + digits, no spaces (a Polish NRB of 26 digits gets "PL"). */
  iban: string;
  bankName: string;
}

export interface Contractor {
  id: string;
  identifierType: BuyerIdentifierType;
  /** NIP; EU VAT number without the country prefix; foreign identifier; '' for a consumer. */
  identifier: string;
  /** EU_VAT: the member state prefix (e.g. DE, EL); FOREIGN: ISO country; else ''. */
  identifierCountry: string;
  name: string;
  address: FormAddress;
  email: string;
  updatedAt: string;
}

export interface Product {
  id: string;
  name: string;
  unit: string;
  priceMode: PriceMode;
  price: string;
  rate: string;
  pkwiu: string;
  gtu: string;
  /** Goods or services of Annex 15 (split payment); the line picks it up. */
  annex15: boolean;
  updatedAt: string;
}

export const SERIES_RESETS = ['auto', 'never', 'yearly', 'monthly', 'daily'] as const;
export type SeriesReset = (typeof SERIES_RESETS)[number];

/** A numbering series: `FV/{nr}/{MM}/{RRRR}` renders the counter and the issue date's parts. */
export interface NumberingSeries {
  id: string;
  name: string;
  pattern: string;
  /** When the counter starts again at 1; 'auto' follows the pattern (month if it has {MM}, year if {RRRR}/{RR}). */
  reset: SeriesReset;
  isDefault: boolean;
}

export interface DraftSummary {
  id: string;
  companyNip: string;
  kind: IssueFormValues['kind'];
  buyerName: string;
  number: string;
  issueDate: string;
  lineCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Draft extends DraftSummary {
  form: IssueFormValues;
}

/** An invoice issued from this computer (its model is kept so it can be copied or corrected). */
export interface IssuedInvoice {
  id: string;
  companyNip: string;
  number: string;
  issueDate: string;
  kind: IssueFormValues['kind'];
  buyerName: string;
  grossTotal: string;
  currency: string;
  /** The outbox entry the XML went to; null when the outbox refused it. */
  outboxId: string | null;
  ksefNumber: string | null;
  issuedAt: string;
}

/** An XSD or model problem, with the form field it belongs to when that can be told. */
export interface IssueProblem {
  /** Form path such as `lines.1.quantity` or `buyer.identifier`; null for the summary list. */
  field: string | null;
  /** Element path from the schema validator (`/Faktura/Fa/FaWiersz[2]/P_8B`), or '' for form and model checks. */
  elementPath: string;
  /** A form check's key under `issue.validation.` (the renderer words it); null for schema and model messages. */
  code: string | null;
  /** Warnings are shown but do not stop issuing. */
  severity: 'error' | 'warning';
  message: string;
  messagePl: string;
}

export interface IssuePreview {
  /** The XML as it would be issued (number proposed by the series, not yet reserved). */
  xml: string;
  /** Whether the FA(3) schema check ran (it is skipped only while the validator is unavailable). */
  validated: boolean;
  problems: IssueProblem[];
  /** What the invoice view shows; null when the XML could not be built or read back. */
  view: InvoiceViewData | null;
}

/** The form fields a correction starts from: the corrected invoice's buyer and lines (before = after, to edit). */
export type CorrectionStart = Pick<IssueFormValues, 'buyer' | 'currency' | 'exchangeRate' | 'priceMode' | 'lines' | 'correction'>;

export type IssueOutcome =
  /** `offline`: issued in offline mode (by choice or because KSeF is down): it carries QR codes and is sent later. */
  | { issued: true; invoice: IssuedInvoice; offline: boolean }
  | { issued: false; problems: IssueProblem[] };

const id = z.string().regex(/^[0-9a-f-]{36}$/);
const outboxId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const short = (max: number) => z.string().trim().max(max);
const address = z.object({ line1: short(512), line2: short(512), countryCode: z.string().regex(/^[A-Z]{2}$/) }).strict();

export const sellerProfileSchema = z
  .object({
    nip: nipSchema,
    name: short(512).min(1),
    address,
    email: short(255),
    phone: short(32),
    bankAccounts: z.array(z.object({ iban: short(40).min(1), bankName: short(256) }).strict()).max(20),
    krs: z.string().regex(/^(\d{10})?$/),
    regon: z.string().regex(/^(\d{9}|\d{14})?$/),
    bdo: z.string().regex(/^(\d{1,9})?$/),
    defaultPaymentDays: z.number().int().min(0).max(365),
    defaultPaymentMethod: z.enum(PAYMENT_METHODS),
    defaultPlaceOfIssue: short(256),
  })
  .strict();

export const contractorInputSchema = z
  .object({
    id: id.optional(),
    identifierType: z.enum(BUYER_IDENTIFIER_TYPES),
    identifier: short(64),
    identifierCountry: z.string().regex(/^([A-Z]{2})?$/),
    name: short(512).min(1),
    address,
    email: short(255),
  })
  .strict();
export type ContractorInput = z.infer<typeof contractorInputSchema>;

export const productInputSchema = z
  .object({
    id: id.optional(),
    name: short(512).min(1),
    unit: short(32),
    priceMode: z.enum(PRICE_MODES),
    price: z.string().regex(/^\d{1,16}(\.\d{1,8})?$/),
    rate: short(16).min(1),
    pkwiu: short(32),
    gtu: z.string().regex(/^(GTU_(0[1-9]|1[0-3]))?$/),
    annex15: z.boolean(),
  })
  .strict();
export type ProductInput = z.infer<typeof productInputSchema>;

export const seriesInputSchema = z
  .object({ id: id.optional(), name: short(100).min(1), pattern: short(100).min(1), reset: z.enum(SERIES_RESETS), isDefault: z.boolean() })
  .strict();
export type SeriesInput = z.infer<typeof seriesInputSchema>;

const company = { companyNip: nipSchema };
const query = short(200).optional();

export const issueChannels = {
  'issue:profileGet': defineChannel(z.object(company).strict()).returns<SellerProfile>(),
  'issue:profileSave': defineChannel(z.object({ profile: sellerProfileSchema }).strict()).returns<SellerProfile>(),
  'issue:contractorsList': defineChannel(z.object({ ...company, query }).strict()).returns<Contractor[]>(),
  /** `asNew`: a user adding an entry by hand; an identifier already in the book is then ALREADY_EXISTS, not an update. */
  'issue:contractorSave': defineChannel(z.object({ ...company, contractor: contractorInputSchema, asNew: z.boolean().optional() }).strict()).returns<Contractor>(),
  'issue:contractorRemove': defineChannel(z.object({ ...company, id }).strict()).returns<Done>(),
  'issue:productsList': defineChannel(z.object({ ...company, query }).strict()).returns<Product[]>(),
  'issue:productSave': defineChannel(z.object({ ...company, product: productInputSchema, asNew: z.boolean().optional() }).strict()).returns<Product>(),
  'issue:productRemove': defineChannel(z.object({ ...company, id }).strict()).returns<Done>(),
  'issue:seriesList': defineChannel(z.object(company).strict()).returns<NumberingSeries[]>(),
  'issue:seriesSave': defineChannel(z.object({ ...company, series: seriesInputSchema }).strict()).returns<NumberingSeries>(),
  'issue:nextNumber': defineChannel(z.object({ ...company, seriesId: id, issueDate: isoDate }).strict()).returns<{ number: string }>(),
  'issue:draftsList': defineChannel(z.object(company).strict()).returns<DraftSummary[]>(),
  'issue:draftGet': defineChannel(z.object({ id }).strict()).returns<Draft>(),
  'issue:draftSave': defineChannel(z.object({ ...company, id: id.optional(), form: issueFormValuesSchema }).strict()).returns<DraftSummary>(),
  'issue:draftRemove': defineChannel(z.object({ id }).strict()).returns<Done>(),
  /** "Copy as a new invoice": a new draft from a draft or an issued invoice, without its number and dates. */
  /** A draft that fixes an invoice KSeF rejected: its own number and dates, sent in its place on "Wystaw". */
  'issue:fixRejected': defineChannel(z.object({ outboxId }).strict()).returns<Draft>(),
  'issue:copyAsNew': defineChannel(z.object({ source: z.enum(['draft', 'issued', 'sent']), id: z.union([id, outboxId]) }).strict()).returns<Draft>(),
  /** The start of a correction of a sent invoice (any in the outbox, from this program or imported). */
  'issue:correctionOf': defineChannel(z.object({ outboxId }).strict()).returns<CorrectionStart>(),
  'issue:issuedList': defineChannel(z.object(company).strict()).returns<IssuedInvoice[]>(),
  /** An issued invoice with the form it came from (to correct it: its lines become the "before" rows). */
  'issue:issuedGet': defineChannel(z.object({ id }).strict()).returns<{ invoice: IssuedInvoice; form: IssueFormValues }>(),
  'issue:preview': defineChannel(z.object({ ...company, form: issueFormValuesSchema }).strict()).returns<IssuePreview>(),
  'issue:pdf': defineChannel(z.object({ ...company, form: issueFormValuesSchema }).strict()).returns<{ fileName: string; pdfBase64: string }>(),
  /** Builds the XML, validates it, assigns the series number and hands the invoice to the outbox. */
  /** `offline`: issue this invoice in offline mode (QR codes now, sent to KSeF later) whatever the app's mode. */
  'issue:issue': defineChannel(z.object({ ...company, draftId: id.optional(), form: issueFormValuesSchema, offline: z.boolean().optional() }).strict()).returns<IssueOutcome>(),
} as const;

export const issueEvents = {
  /** Drafts, contractors, products, series or issued invoices changed. */
  'issue:changed': defineEvent<Changed>(),
} as const;

