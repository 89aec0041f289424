import { z } from 'zod';

/**
 * The issuing form's values as drafts keep them: every field a string as typed, so a half-filled form
 * can be saved while the user types. The strict checks (amounts, NIP, dates) run in the form before
 * "Wystaw" and again in main on the Invoice model built from these values.
 */

export const FORM_INVOICE_KINDS = ['VAT', 'KOR', 'ZAL', 'ROZ', 'UPR'] as const;
export type FormInvoiceKind = (typeof FORM_INVOICE_KINDS)[number];

export const BUYER_IDENTIFIER_TYPES = ['NIP', 'EU_VAT', 'FOREIGN', 'NONE'] as const;
export type BuyerIdentifierType = (typeof BUYER_IDENTIFIER_TYPES)[number];

export const PRICE_MODES = ['net', 'gross'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];

/** FA(3) FormaPlatnosci: 1 gotówka, 2 karta, 3 bon, 4 czek, 5 kredyt, 6 przelew, 7 mobilna. */
export const PAYMENT_METHODS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const text = (max: number) => z.string().max(max);
const shortText = text(256);

export const formAddressSchema = z
  .object({ line1: shortText.default(''), line2: shortText.default(''), countryCode: text(2).default('PL') })
  .strict();
export type FormAddress = z.infer<typeof formAddressSchema>;

export const formLineSchema = z
  .object({
    productId: text(64).nullable().default(null),
    name: text(512).default(''),
    quantity: text(32).default('1'),
    unit: text(32).default('szt.'),
    unitPrice: text(32).default(''),
    rate: text(16).default('23'),
    /** Discount in percent of the line value (0–100). */
    discount: text(16).default(''),
    pkwiu: text(32).default(''),
    gtu: text(8).default(''),
    /** P_12_Zal_15: a good or service from Annex 15 (split payment above 15 000 PLN). Older drafts lack it. */
    annex15: z.boolean().default(false),
  })
  .strict();
export type FormLine = z.infer<typeof formLineSchema>;

/** An advance invoice a settlement (ROZ) accounts for: its KSeF number, or its own number when issued outside KSeF. */
export const formSettledAdvanceSchema = z
  .object({
    /** Outbox id when picked from the sent advance invoices. */
    sourceId: text(64).nullable().default(null),
    /** NrKSeFZN: the advance invoice was issued outside KSeF, `reference` is its number (NrFaZaliczkowej). */
    outsideKsef: z.boolean().default(false),
    /** NrKSeFFaZaliczkowej, or NrFaZaliczkowej when `outsideKsef`. */
    reference: text(256).default(''),
    /** The advance it documented (its P_15, gross), as typed. */
    gross: text(32).default(''),
  })
  .strict();
export type FormSettledAdvance = z.infer<typeof formSettledAdvanceSchema>;

/**
 * Advance data. ZAL: `received` (gross payment the invoice documents, its P_15) and `receivedDate` (P_6: the
 * day it was received); the form's lines are then the ORDER's lines (Zamowienie). ROZ: `settled`, the advance
 * invoices this settlement accounts for.
 */
export const formAdvanceSchema = z
  .object({
    received: text(32).default(''),
    receivedDate: text(10).default(''),
    settled: z.array(formSettledAdvanceSchema).max(100).default([]),
  })
  .strict();
export type FormAdvance = z.infer<typeof formAdvanceSchema>;

export const formBuyerSchema = z
  .object({
    contractorId: text(64).nullable().default(null),
    identifierType: z.enum(BUYER_IDENTIFIER_TYPES).default('NIP'),
    /** NIP, EU VAT number without its country prefix, or a foreign identifier. */
    identifier: text(64).default(''),
    /** EU member state (EU_VAT) or the country of a foreign identifier (FOREIGN). */
    identifierCountry: text(2).default(''),
    name: text(512).default(''),
    address: formAddressSchema.default({ line1: '', line2: '', countryCode: 'PL' }),
    email: text(255).default(''),
    saveToBook: z.boolean().default(true),
  })
  .strict();
export type FormBuyer = z.infer<typeof formBuyerSchema>;

export const formCorrectionSchema = z
  .object({
    /** Outbox id of the corrected invoice when picked from the sent ones. */
    sourceId: text(64).nullable().default(null),
    reason: text(512).default(''),
    /** FA(3) TypKorekty: 1 in the original's period, 2 in the correction's, 3 other. */
    effectType: z.enum(['1', '2', '3']).default('2'),
    originalNumber: text(256).default(''),
    originalKsefNumber: text(64).default(''),
    originalIssueDate: text(10).default(''),
    linesBefore: z.array(formLineSchema).max(1000).default([]),
  })
  .strict();
export type FormCorrection = z.infer<typeof formCorrectionSchema>;

export const issueFormValuesSchema = z
  .object({
    kind: z.enum(FORM_INVOICE_KINDS).default('VAT'),
    seriesId: text(64).nullable().default(null),
    /** Empty: the series assigns the number when the invoice is issued. */
    number: text(256).default(''),
    issueDate: text(10).default(''),
    saleDate: text(10).default(''),
    placeOfIssue: text(256).default(''),
    currency: text(3).default('PLN'),
    exchangeRate: text(32).default(''),
    exchangeRateDate: text(10).default(''),
    buyer: formBuyerSchema.default(formBuyerSchema.parse({})),
    priceMode: z.enum(PRICE_MODES).default('net'),
    lines: z.array(formLineSchema).max(1000).default([]),
    payment: z
      .object({
        method: z.enum(['', ...PAYMENT_METHODS]).default('6'),
        dueDate: text(10).default(''),
        bankAccount: text(64).default(''),
        splitPayment: z.boolean().default(false),
        paid: z.boolean().default(false),
        paidDate: text(10).default(''),
      })
      .strict()
      .default({ method: '6', dueDate: '', bankAccount: '', splitPayment: false, paid: false, paidDate: '' }),
    correction: formCorrectionSchema.default(formCorrectionSchema.parse({})),
    advance: formAdvanceSchema.default(formAdvanceSchema.parse({})),
    annotations: z
      .object({
        cashAccounting: z.boolean().default(false),
        selfBilling: z.boolean().default(false),
        reverseCharge: z.boolean().default(false),
        /** Basis of a VAT exemption (P_19A/B/C text); empty when no line is exempt. */
        exemptionBasis: text(256).default(''),
      })
      .strict()
      .default({ cashAccounting: false, selfBilling: false, reverseCharge: false, exemptionBasis: '' }),
    additionalDescriptions: z
      .array(z.object({ key: text(256), value: text(256) }).strict())
      .max(50)
      .default([]),
    notes: text(3500).default(''),
    /** Outbox id of an invoice KSeF rejected that this form fixes: "Wystaw" sends the fix in its place, under its number. */
    replacesOutboxId: text(64).nullable().default(null),
  })
  .strict();
export type IssueFormValues = z.infer<typeof issueFormValuesSchema>;

/** A fresh form with the schema's defaults (and no lines). */
export function emptyIssueForm(): IssueFormValues {
  return issueFormValuesSchema.parse({});
}
