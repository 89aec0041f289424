/** Wire shapes of the session endpoints (PROTOCOL §5–7, spec components); unknown fields are dropped. */
import { z } from 'zod';

/** FA(3): note the space in `FA (3)`. */
export const FA3_FORM_CODE = { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' } as const;
export type FormCode = { systemCode: string; schemaVersion: string; value: string };

export interface SessionEncryption {
  encryptedSymmetricKey: string;
  initializationVector: string;
  publicKeyId?: string;
}

export interface SendInvoiceRequest {
  invoiceHash: string;
  invoiceSize: number;
  encryptedInvoiceHash: string;
  encryptedInvoiceSize: number;
  encryptedInvoiceContent: string;
  offlineMode?: boolean;
  hashOfCorrectedInvoice?: string;
}

export interface BatchFilePart {
  ordinalNumber: number;
  fileSize: number;
  fileHash: string;
}

export interface OpenBatchRequest {
  formCode: FormCode;
  batchFile: { fileSize: number; fileHash: string; compressionType?: 'Zip'; fileParts: BatchFilePart[] };
  encryption: SessionEncryption;
  offlineMode?: boolean;
}

const statusSchema = z.object({ code: z.number().int(), description: z.string(), details: z.array(z.string()).nullish() });

export const openOnlineResponseSchema = z.object({ referenceNumber: z.string().min(1), validUntil: z.string() });
export const referenceResponseSchema = z.object({ referenceNumber: z.string().min(1) });

export const partUploadRequestSchema = z.object({
  ordinalNumber: z.number().int().min(1),
  method: z.string(),
  url: z.string().url(),
  headers: z.record(z.string(), z.string().nullish()).nullish(),
});
export type PartUploadRequest = z.infer<typeof partUploadRequestSchema>;
export const openBatchResponseSchema = z.object({ referenceNumber: z.string().min(1), partUploadRequests: z.array(partUploadRequestSchema) });

export const sessionStatusSchema = z.object({
  status: statusSchema,
  dateCreated: z.string(),
  dateUpdated: z.string(),
  validUntil: z.string().nullish(),
  upo: z
    .object({ pages: z.array(z.object({ referenceNumber: z.string(), downloadUrl: z.string().nullish(), downloadUrlExpirationDate: z.string().nullish() })) })
    .nullish(),
  invoiceCount: z.number().int().nullish(),
  successfulInvoiceCount: z.number().int().nullish(),
  failedInvoiceCount: z.number().int().nullish(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionInvoiceSchema = z.object({
  ordinalNumber: z.number().int(),
  invoiceNumber: z.string().nullish(),
  ksefNumber: z.string().nullish(),
  referenceNumber: z.string(),
  invoiceHash: z.string(),
  invoiceFileName: z.string().nullish(),
  acquisitionDate: z.string().nullish(),
  invoicingDate: z.string(),
  permanentStorageDate: z.string().nullish(),
  upoDownloadUrl: z.string().nullish(),
  invoicingMode: z.string().nullish(),
  status: statusSchema.extend({ extensions: z.record(z.string(), z.string().nullish()).nullish() }),
});
export type SessionInvoice = z.infer<typeof sessionInvoiceSchema>;

export const sessionInvoicesSchema = z.object({ continuationToken: z.string().nullish(), invoices: z.array(sessionInvoiceSchema) });
export type SessionInvoicePage = z.infer<typeof sessionInvoicesSchema>;

/** Session status codes (PROTOCOL §7): still open, or closed and still being processed. */
export const SESSION_OPEN = 100;
export const SESSION_IN_PROGRESS = new Set([100, 150, 170]);
/** Invoice status codes that are not final yet. */
export const INVOICE_PENDING = new Set([100, 150]);
export const INVOICE_ACCEPTED = 200;
export const INVOICE_DUPLICATE = 440;
