/**
 * `invoiceSchema`: the zod schema of the `Invoice` model. It checks what the FA(3) XSD checks (formats,
 * code lists, lengths, choices, counts), so a model that parses is written as schema-valid XML. Business rules
 * beyond the XSD (NIP checksum, split payment, IBAN, totals) live in rules.ts and are reported separately.
 */
import { z } from 'zod';
import { INVOICE_KINDS } from './codes';
import type { Invoice } from './model';
import * as f from './schema-fields';
import { annotationsSchema, buyerSchema, extraNodesSchema, invoiceLineSchema, sellerSchema, summarySchema, thirdPartySchema } from './schema-parts';
import { correctionSchema, footerSchema, orderSchema, paymentSchema, settlementSchema } from './schema-sections';

const invoiceObjectSchema = z.strictObject({
  kind: z.enum(INVOICE_KINDS),
  number: f.text256,
  issueDate: f.invoiceDate,
  issuePlace: f.text256.optional(),
  currency: f.currencyCode,
  deliveryNotes: z.array(f.text256).max(1000).optional(),
  saleDate: f.invoiceDate.optional(),
  salePeriod: z.strictObject({ from: f.invoiceDate, to: f.invoiceDate }).optional(),
  header: z.strictObject({ createdAt: f.creationDateTime.optional(), systemInfo: f.text256.optional() }).optional(),
  seller: sellerSchema,
  buyer: buyerSchema,
  thirdParties: z.array(thirdPartySchema).max(100).default([]),
  lines: z.array(invoiceLineSchema).max(10000).default([]),
  summary: summarySchema.optional(),
  advanceExchangeRate: f.quantity.optional(),
  annotations: annotationsSchema.default({
    cashAccounting: false,
    selfBilling: false,
    reverseCharge: false,
    splitPayment: false,
    simplifiedTriangular: false,
  }),
  correction: correctionSchema.optional(),
  advanceParts: z
    .array(z.strictObject({ date: f.invoiceDate, gross: f.amount, exchangeRate: f.quantity.optional() }))
    .max(31)
    .optional(),
  receiptInvoice: z.boolean().optional(),
  relatedParties: z.boolean().optional(),
  additionalInfo: z
    .array(z.strictObject({ lineNumber: f.naturalNumber.optional(), key: f.text256, value: f.text256 }))
    .max(10000)
    .optional(),
  advanceInvoices: z
    .array(
      z
        .strictObject({ ksefNumber: f.ksefNumber.optional(), number: f.text256.optional() })
        .refine((ref) => (ref.ksefNumber === undefined) !== (ref.number === undefined), 'Give a KSeF number or a number'),
    )
    .max(100)
    .optional(),
  exciseRefund: z.boolean().optional(),
  settlement: settlementSchema.optional(),
  payment: paymentSchema.optional(),
  order: orderSchema.optional(),
  footer: footerSchema.optional(),
  extra: extraNodesSchema,
  documentExtra: extraNodesSchema,
});

export const invoiceSchema = invoiceObjectSchema.refine(
  (invoice) => invoice.saleDate === undefined || invoice.salePeriod === undefined,
  { path: ['salePeriod'], message: 'Give a sale date (P_6) or a sale period (OkresFa), not both' },
);

// The schema's output must be exactly the model (both directions), so the compiler keeps them in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<z.infer<typeof invoiceSchema>, Invoice> = true;
void schemaMatchesModel;

export type InvoiceSchemaIssue = { path: string; message: string };

/** Parses unknown input into an `Invoice`, or returns readable issues with dotted paths (`lines.0.rate`). */
export function parseInvoice(input: unknown): { ok: true; invoice: Invoice } | { ok: false; issues: InvoiceSchemaIssue[] } {
  const result = invoiceSchema.safeParse(input);
  if (result.success) return { ok: true, invoice: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
  };
}
