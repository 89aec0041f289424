/** Received invoices: the local archive (browse, search, totals, state), sync with KSeF, export, badges. */
import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';
import type { InvoiceViewData } from '../../domain/invoice/view';
import type { ErrorCode } from '../result';
import { nipSchema, noInput, type Done } from './limits';

/** Which role the company plays on the invoice (KSeF subjectType). */
export const RECEIVED_SUBJECTS = ['buyer', 'seller', 'third', 'authorized'] as const;
export type ReceivedSubject = (typeof RECEIVED_SUBJECTS)[number];

export const RECEIVED_SORT_FIELDS = ['issueDate', 'acquisitionDate', 'invoiceNumber', 'sellerName', 'sellerNip', 'gross', 'net', 'currency', 'kind'] as const;
export type ReceivedSortField = (typeof RECEIVED_SORT_FIELDS)[number];

export const RECEIVED_EXPORT_FORMATS = ['csv', 'zip-xml', 'zip-pdf'] as const;
export type ReceivedExportFormat = (typeof RECEIVED_EXPORT_FORMATS)[number];

/** One archived invoice as lists show it. Amounts are exact decimal strings ("1234.50"). */
export interface ReceivedInvoiceRow {
  id: number;
  companyNip: string;
  subject: ReceivedSubject;
  ksefNumber: string;
  invoiceNumber: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** When KSeF assigned the number: the receipt date for the buyer (ISO instant). */
  acquisitionDate: string;
  sellerNip: string;
  sellerName: string | null;
  buyerIdentifier: string | null;
  buyerName: string | null;
  netTotal: string;
  vatTotal: string;
  grossTotal: string;
  currency: string;
  /** KSeF invoiceType: Vat, Kor, Zal, Roz, Upr, KorZal, KorRoz, … */
  kind: string;
  read: boolean;
  bookedAt: string | null;
  paidAt: string | null;
  note: string | null;
}

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const amountSchema = z.string().trim().regex(/^-?\d{1,16}([.,]\d{1,2})?$/);

export const receivedFilterSchema = z
  .object({
    /** Absent: every company in the archive. */
    companyNip: nipSchema.optional(),
    subject: z.enum(RECEIVED_SUBJECTS).optional(),
    issueFrom: dateSchema.optional(),
    issueTo: dateSchema.optional(),
    sellerNip: z.string().trim().regex(/^\d{1,10}$/).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    kinds: z.array(z.string().regex(/^[A-Za-z]{2,10}$/)).max(20).optional(),
    /** Gross amount range, inclusive. */
    grossFrom: amountSchema.optional(),
    grossTo: amountSchema.optional(),
    read: z.enum(['read', 'unread']).optional(),
    booked: z.boolean().optional(),
    paid: z.boolean().optional(),
    /** Full-text: parties, NIPs, numbers, line descriptions. */
    q: z.string().trim().max(200).optional(),
  })
  .strict();
export type ReceivedFilter = z.infer<typeof receivedFilterSchema>;

export const receivedListSchema = z
  .object({
    filter: receivedFilterSchema,
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
    sort: z.object({ field: z.enum(RECEIVED_SORT_FIELDS), direction: z.enum(['asc', 'desc']) }).strict().optional(),
  })
  .strict();
export type ReceivedListRequest = z.input<typeof receivedListSchema>;

export interface ReceivedPage {
  rows: ReceivedInvoiceRow[];
  /** Size of the whole filtered set. */
  total: number;
}

export interface ReceivedTotals {
  currency: string;
  count: number;
  net: string;
  vat: string;
  gross: string;
}

export interface ReceivedInvoiceDetail {
  row: ReceivedInvoiceRow;
  /** The invoice as the shared invoice view renders it; null when the XML cannot be read as FA(3). */
  view: InvoiceViewData | null;
  /** KOD I verification link. */
  kod1Url: string | null;
}

export interface ReceivedSyncProgress {
  companyNip: string;
  subject: ReceivedSubject;
  phase: 'query' | 'export' | 'download' | 'import' | 'done';
  /** Invoices stored in the archive by this run (new ones; duplicates not counted). */
  imported: number;
  /** Invoices handled so far and the size of the current batch when known. */
  processed: number;
  expected: number | null;
  /** Estimate, null until one can be made. */
  etaSeconds: number | null;
}

export interface ReceivedSyncSummary {
  companyNip: string;
  subject: ReceivedSubject;
  imported: number;
  duplicates: number;
  method: 'none' | 'download' | 'export';
  /** The checkpoint the next run starts from. */
  checkpoint: string;
  cancelled: boolean;
  /** Set when the run failed (what was committed before stays). */
  error?: ErrorCode;
}

/** One company's outcome of "fetch for every company". NOT_SIGNED_IN: no session could be had for it now. */
export interface ReceivedSyncAllResult {
  companyNip: string;
  imported: number;
  cancelled?: boolean;
  error?: ErrorCode;
}

export interface ReceivedSyncState {
  running: ReceivedSyncProgress | null;
  /** Last run per company and subject. */
  last: { companyNip: string; subject: ReceivedSubject; finishedAt: string; checkpoint: string; error: string | null }[];
}

export interface ReceivedExportJob {
  jobId: string;
  format: ReceivedExportFormat;
  done: number;
  total: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Name to offer when saving. */
  fileName: string;
  error: string | null;
}

export const receivedChannels = {
  'received:list': defineChannel(receivedListSchema).returns<ReceivedPage>(),
  'received:totals': defineChannel(z.object({ filter: receivedFilterSchema }).strict()).returns<ReceivedTotals[]>(),
  'received:get': defineChannel(z.object({ id: z.number().int().positive() }).strict()).returns<ReceivedInvoiceDetail>(),
  'received:xml': defineChannel(z.object({ id: z.number().int().positive() }).strict()).returns<{ fileName: string; base64: string }>(),
  'received:pdf': defineChannel(z.object({ id: z.number().int().positive() }).strict()).returns<{ fileName: string; base64: string }>(),
  'received:markRead': defineChannel(z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000), read: z.boolean() }).strict()).returns<Done>(),
  'received:setState': defineChannel(
    z.object({ id: z.number().int().positive(), booked: z.boolean().optional(), paid: z.boolean().optional(), note: z.string().max(2000).nullable().optional() }).strict(),
  ).returns<ReceivedInvoiceRow>(),
  'received:sellers': defineChannel(z.object({ companyNip: nipSchema.optional() }).strict()).returns<{ nip: string; name: string | null; count: number }[]>(),
  'received:sync': defineChannel(z.object({ subject: z.enum(RECEIVED_SUBJECTS).optional() }).strict()).returns<Done>(),
  /** Every company in turn; answers when all are done (progress and each outcome arrive as events meanwhile). */
  'received:syncAll': defineChannel(z.object({ subject: z.enum(RECEIVED_SUBJECTS).optional() }).strict()).returns<ReceivedSyncAllResult[]>(),
  'received:syncState': defineChannel(noInput).returns<ReceivedSyncState>(),
  'received:cancelSync': defineChannel(noInput).returns<Done>(),
  'received:export': defineChannel(z.object({ filter: receivedFilterSchema, format: z.enum(RECEIVED_EXPORT_FORMATS) }).strict()).returns<ReceivedExportJob>(),
  'received:exportStatus': defineChannel(z.object({ jobId: z.string().uuid() }).strict()).returns<ReceivedExportJob>(),
  'received:exportCancel': defineChannel(z.object({ jobId: z.string().uuid() }).strict()).returns<ReceivedExportJob>(),
  /** The finished file (once; the job is forgotten after). */
  'received:exportResult': defineChannel(z.object({ jobId: z.string().uuid() }).strict()).returns<{ fileName: string; base64: string }>(),
  /** New invoices since the last look, per company. */
  'received:badges': defineChannel(noInput).returns<{ companyNip: string; unseen: number }[]>(),
  'received:markSeen': defineChannel(z.object({ companyNip: nipSchema.optional() }).strict()).returns<Done>(),
} as const;

export const receivedEvents = {
  'received:progress': defineEvent<ReceivedSyncProgress>(),
  'received:synced': defineEvent<ReceivedSyncSummary>(),
  'received:exportProgress': defineEvent<ReceivedExportJob>(),
} as const;
