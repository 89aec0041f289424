import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';
import type { InvoiceViewData } from '../../domain/invoice/view';
import { noInput } from './limits';

/** PROTOCOL §14: the taxpayer's choice, KSeF unavailable, or an announced emergency (awaria). */
export type OfflineMode = 'offline24' | 'unavailability' | 'emergency';
/** Why an offline invoice has no KOD II yet. */
export type Kod2Problem = 'NO_OFFLINE_CERTIFICATE' | 'VAULT_LOCKED' | 'SIGNING_FAILED';

/** Whether invoices are issued offline now, and why. */
export interface OfflineStatus {
  /** True in a detected outage or when the user chose offline mode. */
  offline: boolean;
  manual: boolean;
  /** ISO instant the detected outage began; null when KSeF answers. */
  outageSince: string | null;
  lastProbeAt: string | null;
  /** A valid Offline-type KSeF certificate is stored (KOD II can be signed). */
  hasOfflineCertificate: boolean;
}

/** The offline facts of one outbox item: its QR codes and sending deadline. */
export interface OfflineInvoiceView {
  outboxId: string;
  mode: OfflineMode;
  issueDate: string;
  /** Last day to send ("YYYY-MM-DD", Warsaw); null while the outage it depends on lasts. */
  deadline: string | null;
  kod1Url: string;
  kod2Url: string | null;
  certificateSerial: string | null;
  kod2Problem: Kod2Problem | null;
  /** SHA-256 (Base64) of the file as issued: the `hashOfCorrectedInvoice` of a technical correction. */
  invoiceHash: string;
  /** Hashes of the technical corrections sent for this invoice (an accepted one settles it). */
  correctionHashes: string[];
}

/**
 * KSeF invoice statuses (PROTOCOL §7) that are technical faults — file/schema, attachments, decryption,
 * duplicate, validation — and so allow a technical correction (§14). 410 (permissions) does not.
 */
export const TECHNICAL_REJECTION_CODES: readonly number[] = [415, 430, 435, 440, 450];

export function isTechnicalRejection(code: string | number): boolean {
  const numeric = typeof code === 'number' ? code : Number.parseInt(code, 10);
  return TECHNICAL_REJECTION_CODES.includes(numeric);
}

/** A period when KSeF did not work: detected by the app or announced by the Ministry (BIP, KSeF lighthouse). */
export interface OutageView {
  id: number;
  kind: 'unavailability' | 'emergency';
  start: string;
  end: string | null;
  source: 'detected' | 'announced';
}

export type CorrectionRefusal = 'NOT_OFFLINE' | 'NOT_REJECTED' | 'NOT_TECHNICAL' | 'ALREADY_CORRECTED' | 'SAME_FILE';

export interface ContentDifference {
  field: string;
  before: string | null;
  after: string | null;
}

export interface CorrectionPreview {
  allowed: boolean;
  refusal?: CorrectionRefusal;
  /** Content facts that differ between the rejected and the corrected file: a technical correction must not change content. */
  differences: ContentDifference[];
}

export const outboxIdSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
/** An invoice may have 1 MB without, 3 MB with attachments (PROTOCOL §8). */
const correctedXmlSchema = z.string().min(1).max(3_000_000);

export const offlineChannels = {
  'offline:status': defineChannel(noInput).returns<OfflineStatus>(),
  /** The user's offline mode switch (kept across restarts); turning it off sends what waits. */
  'offline:setManual': defineChannel(z.object({ on: z.boolean() }).strict()).returns<OfflineStatus>(),
  /** Ask KSeF now whether it answers (ends a detected outage when it does). */
  'offline:check': defineChannel(noInput).returns<OfflineStatus>(),
  'offline:invoices': defineChannel(z.object({ ids: z.array(outboxIdSchema).max(10_000).optional() }).strict()).returns<OfflineInvoiceView[]>(),
  'offline:outages': defineChannel(noInput).returns<OutageView[]>(),
  /** Records an announced unavailability or emergency (awaria): it sets the mode and the deadlines of offline invoices (§14). */
  'offline:announce': defineChannel(
    z.object({ kind: z.enum(['unavailability', 'emergency']), start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }).optional() }).strict(),
  ).returns<OutageView[]>(),
  'offline:endAnnouncement': defineChannel(
    z.object({ id: z.number().int().positive(), end: z.iso.datetime({ offset: true }).nullable() }).strict(),
  ).returns<OutageView[]>(),
  /** After an Offline certificate was obtained: sign the missing KOD II codes. */
  'offline:completeKod2': defineChannel(noInput).returns<{ completed: number }>(),
  /** The Sent page's invoice view of any outbox item; an offline invoice shows KOD I (OFFLINE until numbered) and KOD II. */
  'offline:view': defineChannel(z.object({ id: outboxIdSchema }).strict()).returns<InvoiceViewData>(),
  'offline:correctionPreview': defineChannel(z.object({ id: outboxIdSchema, xml: correctedXmlSchema }).strict()).returns<CorrectionPreview>(),
  /** Technical correction (§14): online, offlineMode, hashOfCorrectedInvoice; content differences must be acknowledged. */
  'offline:correct': defineChannel(
    z.object({ id: outboxIdSchema, xml: correctedXmlSchema, acceptDifferences: z.boolean().default(false) }).strict(),
  ).returns<{ id: string }>(),
} as const;

export const offlineEvents = {
  'offline:changed': defineEvent<OfflineStatus>(),
} as const;
