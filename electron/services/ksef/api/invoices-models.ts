/** Bodies of the invoice retrieval endpoints (PROTOCOL §10, spec InvoiceQueryFilters / InvoiceMetadata / export status). */
import { z } from 'zod';

export const KSEF_SUBJECT_TYPES = ['Subject1', 'Subject2', 'Subject3', 'SubjectAuthorized'] as const;
export type KsefSubjectType = (typeof KSEF_SUBJECT_TYPES)[number];
export type KsefDateType = 'Issue' | 'Invoicing' | 'PermanentStorage';

/** The filters a client sends; only what the received-invoice sync needs is typed beyond the basics. */
export interface InvoiceQueryFilters {
  subjectType: KsefSubjectType;
  dateRange: { dateType: KsefDateType; from: string; to?: string; restrictToPermanentStorageHwmDate?: boolean };
  ksefNumber?: string;
  invoiceNumber?: string;
  sellerNip?: string;
  currencyCodes?: string[];
}

const identifierSchema = z.object({ type: z.string(), value: z.string().nullish() });

export const invoiceMetadataSchema = z.object({
  ksefNumber: z.string().min(1),
  invoiceNumber: z.string(),
  issueDate: z.string(),
  invoicingDate: z.string(),
  acquisitionDate: z.string(),
  permanentStorageDate: z.string(),
  seller: z.object({ nip: z.string(), name: z.string().nullish() }),
  buyer: z.object({ identifier: identifierSchema, name: z.string().nullish() }),
  netAmount: z.number(),
  grossAmount: z.number(),
  vatAmount: z.number(),
  currency: z.string(),
  invoicingMode: z.string(),
  invoiceType: z.string(),
  formCode: z.object({ systemCode: z.string(), schemaVersion: z.string(), value: z.string() }),
  isSelfInvoicing: z.boolean().nullish(),
  hasAttachment: z.boolean().nullish(),
  invoiceHash: z.string(),
  hashOfCorrectedInvoice: z.string().nullish(),
  thirdSubjects: z.array(z.object({ identifier: identifierSchema, name: z.string().nullish(), role: z.number() })).nullish(),
  authorizedSubject: z.object({ nip: z.string(), name: z.string().nullish(), role: z.number() }).nullish(),
});
export type InvoiceMetadata = z.infer<typeof invoiceMetadataSchema>;

export const metadataPageSchema = z.object({
  hasMore: z.boolean(),
  isTruncated: z.boolean(),
  permanentStorageHwmDate: z.string().nullish(),
  invoices: z.array(invoiceMetadataSchema),
});
export type MetadataPage = z.infer<typeof metadataPageSchema>;

export const exportPartSchema = z.object({
  ordinalNumber: z.number().int(),
  partName: z.string(),
  method: z.string(),
  url: z.string().url(),
  partSize: z.number(),
  partHash: z.string(),
  encryptedPartSize: z.number(),
  encryptedPartHash: z.string(),
  expirationDate: z.string(),
});
export type ExportPart = z.infer<typeof exportPartSchema>;

export const exportStatusSchema = z.object({
  status: z.object({ code: z.number().int(), description: z.string(), details: z.array(z.string()).nullish() }),
  completedDate: z.string().nullish(),
  packageExpirationDate: z.string().nullish(),
  package: z
    .object({
      invoiceCount: z.number().int(),
      size: z.number(),
      parts: z.array(exportPartSchema),
      isTruncated: z.boolean(),
      lastIssueDate: z.string().nullish(),
      lastInvoicingDate: z.string().nullish(),
      lastPermanentStorageDate: z.string().nullish(),
      permanentStorageHwmDate: z.string().nullish(),
    })
    .nullish(),
});
export type ExportStatus = z.infer<typeof exportStatusSchema>;
export type ExportPackageInfo = NonNullable<ExportStatus['package']>;

export const exportStartedSchema = z.object({ referenceNumber: z.string().min(1) });

/** Metadata query: `from` later than the HWM while restricting to it (nothing new yet). */
export const FROM_AFTER_HWM_CODE = 21183;
/** Download: processed but not yet downloadable. */
export const NOT_YET_DOWNLOADABLE_CODE = 21165;
/** Export status codes (PROTOCOL §10). */
export const EXPORT_STATUS = { inProgress: 100, done: 200, expired: 210, keyError: 415, fromAfterHwm: 420 } as const;
