import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';

export const OUTBOX_STATES = ['draft', 'queued', 'sending', 'accepted', 'rejected', 'offline'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type SendMode = 'online' | 'batch';

/** KSeF's own words on a rejection (status code, description, details), or the app's when it stopped first. */
export interface OutboxError {
  /** KSeF invoice/session status code (e.g. 430, 440, 450) or an app ErrorCode when KSeF never saw the file. */
  code: string;
  description: string;
  details: string[];
}

export interface OutboxTimelineEntry {
  at: string;
  state: OutboxState;
  note?: string;
}

/** One invoice in the outbox (list row). */
export interface OutboxItem {
  id: string;
  state: OutboxState;
  origin: 'issued' | 'imported';
  fileName: string | null;
  kind: string;
  invoiceNumber: string;
  issueDate: string;
  sellerNip: string;
  buyerName: string;
  buyerIdentifier: string;
  grossTotal: string;
  currency: string;
  /** SHA-256 of the XML bytes, Base64 (what KSeF calls invoiceHash). */
  hash: string;
  ksefNumber: string | null;
  sessionReference: string | null;
  /** The mode chosen by the user for this invoice; null = automatic. */
  sendMode: SendMode | null;
  offlineMode: boolean;
  hasUpo: boolean;
  createdAt: string;
  updatedAt: string;
  acceptedAt: string | null;
  error?: OutboxError;
  /** Filled from the offline module for invoices issued offline. */
  offlineDeadline?: string | null;
}

export interface OutboxItemDetail extends OutboxItem {
  timeline: OutboxTimelineEntry[];
}

export interface OutboxCounts {
  draft: number;
  queued: number;
  sending: number;
  accepted: number;
  rejected: number;
  offline: number;
}

export interface OutboxPage {
  items: OutboxItem[];
  total: number;
  counts: OutboxCounts;
}

/** What the next sending round will do: automatic choice (shown) unless the user overrode it. */
export interface OutboxSendPlan {
  pending: number;
  mode: SendMode;
  automatic: boolean;
  /** More than this many invoices at once go in a batch session. */
  batchThreshold: number;
}

/** `outbox:changed`: something moved; while a batch goes, its counts. */
export interface OutboxChanged {
  ids?: string[];
  progress?: { mode: SendMode; phase: 'preparing' | 'uploading' | 'processing' | 'done'; total: number; accepted: number; rejected: number };
}

export interface ImportedFileResult {
  name: string;
  id: string | null;
  /** Present when the file was refused: which line and element. */
  error?: { code: string; message: string; messagePl?: string; line: number | null; path: string | null }[];
}

const outboxId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
/** An invoice is ≤1 MB (3 MB with attachments, PROTOCOL §8); Base64 of that, capped by the IPC payload limit. */
const xmlBase64 = z.string().min(1).max(2_000_000).regex(/^[A-Za-z0-9+/=\r\n]+$/);
const xmlText = z.string().min(1).max(1_500_000);

export const outboxChannels = {
  'outbox:list': defineChannel(
    z
      .object({
        states: z.array(z.enum(OUTBOX_STATES)).max(OUTBOX_STATES.length).optional(),
        search: z.string().trim().max(200).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ).returns<OutboxPage>(),
  'outbox:get': defineChannel(z.object({ id: outboxId }).strict()).returns<OutboxItemDetail>(),
  /** File contents read in the renderer (Electron and browser mode alike). */
  'outbox:importFiles': defineChannel(
    z.object({ files: z.array(z.object({ name: z.string().trim().min(1).max(255), contentBase64: xmlBase64 }).strict()).min(1).max(20) }).strict(),
  ).returns<ImportedFileResult[]>(),
  /** Sends what waits now (also picks up interrupted sends). */
  'outbox:sendNow': defineChannel(z.object({}).strict()).returns<OutboxSendPlan>(),
  'outbox:plan': defineChannel(z.object({}).strict()).returns<OutboxSendPlan>(),
  /** Overrides the automatic online/batch choice; null returns to automatic. */
  'outbox:setMode': defineChannel(z.object({ mode: z.enum(['online', 'batch']).nullable() }).strict()).returns<OutboxSendPlan>(),
  /** A rejected invoice, fixed: new XML replaces the rejected bytes and goes back to the queue. */
  'outbox:resend': defineChannel(z.object({ id: outboxId, xml: xmlText.optional() }).strict()).returns<OutboxItemDetail>(),
  'outbox:upoXml': defineChannel(z.object({ id: outboxId }).strict()).returns<{ fileName: string; xml: string }>(),
  'outbox:invoiceXml': defineChannel(z.object({ id: outboxId }).strict()).returns<{ fileName: string; xml: string }>(),
  'outbox:pdf': defineChannel(z.object({ id: outboxId }).strict()).returns<{ fileName: string; pdfBase64: string }>(),
} as const;

export const outboxEvents = {
  'outbox:changed': defineEvent<OutboxChanged>(),
} as const;
