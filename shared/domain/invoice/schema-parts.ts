/** zod schemas of the invoice's parts (parties, lines, summary, annotations); sections in schema-sections.ts. */
import { z } from 'zod';
import { EXEMPTION_BASES, GTU_CODES, LINE_PROCEDURES, MARGIN_PROCEDURES, SUMMARY_BUCKETS, TAXPAYER_STATUSES, THIRD_PARTY_ROLES, VAT_RATES } from './codes';
import type { PartyIdentifier, XmlNode } from './model';
import * as f from './schema-fields';

const xmlText = z.string().refine((value) => !f.hasXmlForbiddenCharacters(value), 'Contains control characters');

export const xmlNodeSchema: z.ZodType<XmlNode> = z.lazy(() =>
  z.strictObject({
    name: z.string().regex(/^[A-Za-z_][\w.-]*$/, 'Expected an XML element name'),
    attributes: z.record(z.string().regex(/^[A-Za-z_][\w.-]*$/, 'Expected an unprefixed attribute name'), xmlText).optional(),
    text: xmlText.optional(),
    children: z.array(xmlNodeSchema).optional(),
  }),
);
const extra = z.array(xmlNodeSchema).optional();

export const addressSchema = z.strictObject({
  countryCode: f.countryCode,
  line1: f.text512,
  line2: f.text512.optional(),
  gln: f.gln.optional(),
});

export const contactSchema = z.strictObject({ email: f.email.optional(), phone: f.phone.optional() });
const contacts = z.array(contactSchema).max(3).optional();

export const partyIdentifierSchema = z
  .strictObject({
    type: z.enum(['NIP', 'EU_VAT', 'FOREIGN', 'NONE', 'INTERNAL']),
    value: z.string().optional(),
    countryCode: z.string().optional(),
  })
  .superRefine((id, ctx) => {
    const check = (schema: z.ZodType, value: unknown, path: string) => {
      const result = schema.safeParse(value);
      if (!result.success) ctx.addIssue({ code: 'custom', path: [path], message: result.error.issues[0]?.message ?? 'Invalid' });
    };
    switch (id.type) {
      case 'NIP':
        check(f.nip, id.value, 'value');
        break;
      case 'INTERNAL':
        check(f.internalId, id.value, 'value');
        break;
      case 'EU_VAT':
        check(f.euCountryCode, id.countryCode, 'countryCode');
        check(f.euVatNumber, id.value, 'value');
        break;
      case 'FOREIGN':
        if (id.countryCode !== undefined) check(f.countryCode, id.countryCode, 'countryCode');
        check(f.foreignTaxId, id.value, 'value');
        break;
      case 'NONE':
        if (id.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'No identifier expected' });
        break;
    }
    if (id.countryCode !== undefined && id.type !== 'EU_VAT' && id.type !== 'FOREIGN') {
      ctx.addIssue({ code: 'custom', path: ['countryCode'], message: 'A country code only goes with EU_VAT or FOREIGN' });
    }
  }) as z.ZodType<PartyIdentifier>;

export const sellerSchema = z.strictObject({
  vatPrefix: z.literal('PL').optional(),
  eori: f.text256.optional(),
  nip: f.nip,
  name: f.text512,
  address: addressSchema,
  correspondenceAddress: addressSchema.optional(),
  contacts,
  taxpayerStatus: z.enum(TAXPAYER_STATUSES).optional(),
  extra,
});

const buyerId = f.token(32);

export const buyerSchema = z
  .strictObject({
    eori: f.text256.optional(),
    identifier: partyIdentifierSchema,
    name: f.text512.optional(),
    address: addressSchema.optional(),
    correspondenceAddress: addressSchema.optional(),
    contacts,
    customerNumber: f.text256.optional(),
    buyerId: buyerId.optional(),
    localGovernmentUnit: z.boolean().optional(),
    vatGroupMember: z.boolean().optional(),
    extra,
  })
  .refine((buyer) => buyer.identifier.type !== 'INTERNAL', {
    path: ['identifier', 'type'],
    message: 'A buyer cannot be identified by an internal ID',
  });

export const thirdPartySchema = z
  .strictObject({
    buyerId: buyerId.optional(),
    eori: f.text256.optional(),
    identifier: partyIdentifierSchema,
    name: f.text512.optional(),
    address: addressSchema.optional(),
    correspondenceAddress: addressSchema.optional(),
    contacts,
    role: z.enum(THIRD_PARTY_ROLES).optional(),
    otherRole: f.text256.optional(),
    share: f.percent.optional(),
    customerNumber: f.text256.optional(),
    extra,
  })
  .refine((party) => (party.role === undefined) !== (party.otherRole === undefined), {
    path: ['role'],
    message: 'Give exactly one of role and otherRole',
  });

export const invoiceLineSchema = z.strictObject({
  lineNumber: f.naturalNumber.optional(),
  uuid: f.text50.optional(),
  supplyDate: f.invoiceDate.optional(),
  name: f.text512.optional(),
  index: f.text50.optional(),
  gtin: f.text20.optional(),
  pkwiu: f.text50.optional(),
  cn: f.text50.optional(),
  pkob: f.text50.optional(),
  unit: f.text256.optional(),
  quantity: f.quantity.optional(),
  unitNetPrice: f.price.optional(),
  unitGrossPrice: f.price.optional(),
  discount: f.price.optional(),
  netTotal: f.amount.optional(),
  grossTotal: f.amount.optional(),
  vatTotal: f.amount.optional(),
  rate: z.enum(VAT_RATES).optional(),
  ossRate: f.percent.optional(),
  annex15: z.boolean().optional(),
  exciseAmount: f.amount.optional(),
  gtu: z.enum(GTU_CODES).optional(),
  procedure: z.enum(LINE_PROCEDURES).optional(),
  exchangeRate: f.quantity.optional(),
  beforeCorrection: z.boolean().optional(),
  extra,
});

const bucketTotalSchema = z.strictObject({ net: f.amount, vat: f.amount.optional(), vatPln: f.amount.optional() });

export const summarySchema = z
  .strictObject({
    buckets: z.partialRecord(z.enum(SUMMARY_BUCKETS), bucketTotalSchema),
    gross: f.amount,
  })
  .superRefine((summary, ctx) => {
    for (const [bucket, total] of Object.entries(summary.buckets)) {
      if (!total) continue;
      const hasVat = ['1', '2', '3', '4', '5'].includes(bucket);
      if (['1', '2', '3', '4'].includes(bucket) && total.vat === undefined) {
        ctx.addIssue({ code: 'custom', path: ['buckets', bucket, 'vat'], message: `P_14_${bucket} is required with P_13_${bucket}` });
      }
      if (!hasVat && total.vat !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['buckets', bucket, 'vat'], message: `FA(3) has no VAT field for P_13_${bucket}` });
      }
      if (!['1', '2', '3', '4'].includes(bucket) && total.vatPln !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['buckets', bucket, 'vatPln'], message: `FA(3) has no P_14_${bucket}W` });
      }
    }
  });

export const annotationsSchema = z.strictObject({
  cashAccounting: z.boolean().default(false),
  selfBilling: z.boolean().default(false),
  reverseCharge: z.boolean().default(false),
  splitPayment: z.boolean().default(false),
  exemption: z.strictObject({ basis: z.enum(EXEMPTION_BASES), text: f.text256 }).optional(),
  newTransportMeans: xmlNodeSchema
    .refine((node) => node.name === 'NoweSrodkiTransportu', 'Expected the NoweSrodkiTransportu element')
    .optional(),
  simplifiedTriangular: z.boolean().default(false),
  margin: z.enum(MARGIN_PROCEDURES).optional(),
  extra,
});

export const extraNodesSchema = extra;
