/**
 * The technical correction flow (PROTOCOL §14): an offline invoice KSeF rejected for a technical reason is
 * sent again, fixed, in an online session with `offlineMode: true` and `hashOfCorrectedInvoice` = SHA-256
 * (Base64) of the rejected file. Its content must not change, and KSeF accepts one correction per original.
 */
import { createHash } from 'node:crypto';
import { isTechnicalRejection, type CorrectionPreview, type CorrectionRefusal } from '../../../../shared/ipc/channels/offline';
import { AppError } from '../../errors/app-error';
import { contentDifferences } from './correction-content';
import type { OfflineStore } from './offline-store';

/** What the flow needs from the outbox (helper E). */
export interface CorrectionOutboxPort {
  /** State and KSeF's status code of the rejection (e.g. 430), or null when there is no such item. */
  rejection(id: string): Promise<{ state: string; statusCode: number | null; offlineMode: boolean } | null>;
  /** The bytes of the file that was sent (and rejected). */
  xml(id: string): Promise<Buffer>;
  /** Sends online with offlineMode: true and hashOfCorrectedInvoice; returns the outbox id of the correction. */
  sendTechnicalCorrection(originalId: string, xml: Buffer, hashOfCorrectedInvoice: string): Promise<{ id: string }>;
  /** Whether an earlier correction is accepted or still on its way (so a second one would be refused: 21166). */
  correctionStillCounts(hash: string): Promise<boolean>;
}

export interface TechnicalCorrectionDeps {
  outbox: CorrectionOutboxPort;
  store: OfflineStore;
  clock: { now(): Date };
}

const sha256Base64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

export class TechnicalCorrectionService {
  constructor(private readonly deps: TechnicalCorrectionDeps) {}

  async preview(originalId: string, correctedXml: string): Promise<CorrectionPreview> {
    const refusal = await this.refusal(originalId, Buffer.from(correctedXml, 'utf8'));
    const rejected = await this.deps.outbox.xml(originalId).catch(() => null);
    const differences = rejected ? contentDifferences(rejected.toString('utf8'), correctedXml) : [];
    return refusal ? { allowed: false, refusal, differences } : { allowed: true, differences };
  }

  async send(originalId: string, correctedXml: string, acceptDifferences: boolean): Promise<{ id: string }> {
    const corrected = Buffer.from(correctedXml, 'utf8');
    const refusal = await this.refusal(originalId, corrected);
    if (refusal) throw new AppError(refusal === 'ALREADY_CORRECTED' ? 'ALREADY_EXISTS' : 'INVALID_INPUT', `technical correction refused: ${refusal}`, [`correction:${refusal}`]);
    const rejected = await this.deps.outbox.xml(originalId);
    const differences = contentDifferences(rejected.toString('utf8'), correctedXml);
    if (differences.length > 0 && !acceptDifferences) {
      throw new AppError('CONFIRMATION_REQUIRED', 'the correction changes the invoice content', differences.map((d) => `changed:${d.field}`));
    }
    const hashOfCorrectedInvoice = sha256Base64(rejected);
    // Recorded before sending, so a crash in between still counts the attempt.
    this.deps.store.recordCorrection(originalId, hashOfCorrectedInvoice, sha256Base64(corrected), this.deps.clock.now().toISOString());
    return this.deps.outbox.sendTechnicalCorrection(originalId, corrected, hashOfCorrectedInvoice);
  }

  private async refusal(originalId: string, corrected: Buffer): Promise<CorrectionRefusal | null> {
    const original = await this.deps.outbox.rejection(originalId);
    if (!original) throw new AppError('NOT_FOUND', `no outbox item ${originalId}`);
    if (!original.offlineMode && !this.deps.store.invoice(originalId)) return 'NOT_OFFLINE';
    if (original.state !== 'rejected') return 'NOT_REJECTED';
    if (original.statusCode === null || !isTechnicalRejection(original.statusCode)) return 'NOT_TECHNICAL';
    const rejected = await this.deps.outbox.xml(originalId);
    if (rejected.equals(corrected)) return 'SAME_FILE';
    for (const hash of this.deps.store.corrections(originalId)) {
      if (await this.deps.outbox.correctionStillCounts(hash)) return 'ALREADY_CORRECTED';
    }
    return null;
  }
}
