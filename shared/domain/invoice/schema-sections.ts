/** zod schemas of the `Fa` sections: payment, correction, settlement, order, footer (see schema.ts). */
import { z } from 'zod';
import { CORRECTION_TYPES, GTU_CODES, ORDER_LINE_PROCEDURES, OWN_BANK_ACCOUNT_TYPES, PAYMENT_METHOD_CODES, VAT_RATES } from './codes';
import { addressSchema, extraNodesSchema, partyIdentifierSchema } from './schema-parts';
import * as f from './schema-fields';

const buyerId = f.token(32);
const extra = extraNodesSchema;

export const bankAccountSchema = z.strictObject({
  number: f.bankAccountNumber,
  swift: f.swift.optional(),
  ownBankAccount: z.enum(OWN_BANK_ACCOUNT_TYPES).optional(),
  bankName: f.text256.optional(),
  description: f.text256.optional(),
});

const methodChoice = <T extends { method?: unknown; otherMethod?: unknown }>(value: T) =>
  value.method === undefined || value.otherMethod === undefined;

const partialPaymentSchema = z
  .strictObject({
    amount: f.amount,
    date: f.paymentDate,
    method: z.enum(PAYMENT_METHOD_CODES).optional(),
    otherMethod: f.text256.optional(),
  })
  .refine(methodChoice, { path: ['otherMethod'], message: 'Give a payment method or another method, not both' });

export const dueDateSchema = z.strictObject({
  date: f.paymentDate.optional(),
  description: z
    .strictObject({ quantity: z.string().regex(/^[-+]?\d+$/, 'Expected a whole number'), unit: f.text50, startEvent: f.text256 })
    .optional(),
});

export const paymentSchema = z
  .strictObject({
    paidDate: f.paymentDate.optional(),
    partial: z
      .strictObject({ marker: z.enum(['1', '2']), payments: z.array(partialPaymentSchema).min(1).max(100) })
      .optional(),
    dueDates: z.array(dueDateSchema).max(100).optional(),
    method: z.enum(PAYMENT_METHOD_CODES).optional(),
    otherMethod: f.text256.optional(),
    bankAccounts: z.array(bankAccountSchema).max(100).optional(),
    factorBankAccounts: z.array(bankAccountSchema).max(20).optional(),
    earlyPaymentDiscount: z.strictObject({ conditions: f.text256, amount: f.text256 }).optional(),
    paymentLink: f.paymentLink.optional(),
    ksefPaymentId: f.ksefPaymentId.optional(),
    extra,
  })
  .refine(methodChoice, { path: ['otherMethod'], message: 'Give a payment method or another method, not both' })
  .refine((payment) => payment.paidDate === undefined || payment.partial === undefined, {
    path: ['partial'],
    message: 'An invoice is either paid or partly paid',
  });

const podmiot2kSchema = z.strictObject({
  identifier: partyIdentifierSchema.refine((id) => id.type !== 'INTERNAL', 'Not allowed for a buyer'),
  name: f.text512.optional(),
  address: addressSchema.optional(),
  buyerId: buyerId.optional(),
});

export const correctionSchema = z
  .strictObject({
    reason: f.text256.optional(),
    type: z.enum(CORRECTION_TYPES).optional(),
    corrected: z
      .array(z.strictObject({ issueDate: f.invoiceDate, number: f.text256, ksefNumber: f.ksefNumber.optional() }))
      .min(1)
      .max(50000),
    period: f.text256.optional(),
    correctedNumber: f.text256.optional(),
    sellerBefore: z
      .strictObject({ vatPrefix: f.euCountryCode.optional(), nip: f.nip, name: f.text512, address: addressSchema })
      .optional(),
    buyersBefore: z.array(podmiot2kSchema).max(101).optional(),
    grossBefore: f.amount.optional(),
    exchangeRateBefore: f.quantity.optional(),
  })
  .refine((c) => c.exchangeRateBefore === undefined || c.grossBefore !== undefined, {
    path: ['exchangeRateBefore'],
    message: 'KursWalutyZK goes with P_15ZK',
  });

const chargeSchema = z.strictObject({ amount: f.amount, reason: f.text256 });

export const settlementSchema = z
  .strictObject({
    charges: z.array(chargeSchema).max(100).optional(),
    chargesTotal: f.amount.optional(),
    deductions: z.array(chargeSchema).max(100).optional(),
    deductionsTotal: f.amount.optional(),
    toPay: f.amount.optional(),
    toSettle: f.amount.optional(),
  })
  .refine((s) => s.toPay === undefined || s.toSettle === undefined, {
    path: ['toSettle'],
    message: 'Either an amount to pay or to settle',
  });

export const footerSchema = z.strictObject({
  information: z.array(z.strictObject({ text: f.plainString(1, 3500).optional() })).max(3).optional(),
  registers: z
    .array(
      z.strictObject({
        fullName: f.text256.optional(),
        krs: f.krs.optional(),
        regon: f.regon.optional(),
        bdo: f.bdo.optional(),
      }),
    )
    .max(100)
    .optional(),
  extra,
});

export const orderSchema = z.strictObject({
  value: f.amount,
  lines: z
    .array(
      z.strictObject({
        lineNumber: f.naturalNumber.optional(),
        uuid: f.text50.optional(),
        name: f.text512.optional(),
        index: f.text50.optional(),
        gtin: f.text20.optional(),
        pkwiu: f.text50.optional(),
        cn: f.text50.optional(),
        pkob: f.text50.optional(),
        unit: f.text256.optional(),
        quantity: f.quantity.optional(),
        unitNetPrice: f.price.optional(),
        netTotal: f.amount.optional(),
        vatTotal: f.amount.optional(),
        rate: z.enum(VAT_RATES).optional(),
        ossRate: f.percent.optional(),
        annex15: z.boolean().optional(),
        gtu: z.enum(GTU_CODES).optional(),
        procedure: z.enum(ORDER_LINE_PROCEDURES).optional(),
        exciseAmount: f.amount.optional(),
        beforeCorrection: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(10000),
});

