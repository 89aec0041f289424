/**
 * Offline issuing (PROTOCOL §14), composed: outage detection, KOD I/KOD II, deadlines, the manual switch,
 * automatic sending when KSeF answers again, and the technical correction flow.
 */
import type { KsefEnvironment } from '../../../../shared/domain/environments';
import type { OfflineInvoiceView, OfflineStatus, OutageView } from '../../../../shared/ipc/channels/offline';
import type { ProfileDatabase } from '../../storage/profile-database';
import { isUsableOfflineCertificate, type OfflineCertificateSource } from './kod2-signer';
import { createKsefProbe } from './ksef-probe';
import { OfflineCoordinator, type OfflineInvoiceInfo, type QrUrlBuilder } from './offline-coordinator';
import { OfflineStore } from './offline-store';
import { OutageDetector, type OutageDetectorOptions } from './outage-detector';
import { TechnicalCorrectionService, type CorrectionOutboxPort } from './technical-correction';

export { OFFLINE_MIGRATIONS } from './offline-schema';
export { offlineDeadline, type OutagePeriod } from './deadlines';
export { isOutageSignal } from './ksef-probe';
export type { OfflineCoordinator, OfflineIssuedInvoice, OfflineInvoiceInfo, QrUrlBuilder } from './offline-coordinator';
export type { CorrectionOutboxPort } from './technical-correction';

/** What offline issuing needs from the outbox (helper E): sending what waits, stored bytes, the correction port. */
export interface OfflineOutboxPort extends CorrectionOutboxPort {
  sendPending(): Promise<unknown>;
}

export interface OfflineServicesDeps {
  database: ProfileDatabase;
  certificates: OfflineCertificateSource;
  qr: QrUrlBuilder;
  environment: () => KsefEnvironment;
  apiBaseUrl: () => Promise<string | null>;
  /** The outbox, once it exists (it is built after these services and calls into them). */
  outbox: () => OfflineOutboxPort | null;
  onChange: (status: OfflineStatus) => void;
  clock?: { now(): Date };
  detector?: Partial<Omit<OutageDetectorOptions, 'probe' | 'now'>> & Pick<Partial<OutageDetectorOptions>, 'probe'>;
  log?: (message: string, error?: unknown) => void;
}

export interface OfflineServices {
  coordinator: OfflineCoordinator;
  corrections: TechnicalCorrectionService;
  status(): Promise<OfflineStatus>;
  views(ids?: readonly string[]): OfflineInvoiceView[];
  outages(): OutageView[];
  completeKod2(): Promise<number>;
  stop(): void;
}

function toView(info: OfflineInvoiceInfo, correctionHashes: string[]): OfflineInvoiceView {
  return {
    outboxId: info.outboxId,
    mode: info.mode,
    issueDate: info.issueDate,
    deadline: info.deadline,
    kod1Url: info.kod1Url,
    kod2Url: info.kod2Url,
    certificateSerial: info.certificateSerial,
    kod2Problem: info.kod2Problem,
    invoiceHash: info.invoiceHash,
    correctionHashes,
  };
}

function requireOutbox(deps: OfflineServicesDeps): OfflineOutboxPort {
  const outbox = deps.outbox();
  if (!outbox) throw new Error('the outbox is not wired');
  return outbox;
}

export function createOfflineServices(deps: OfflineServicesDeps): OfflineServices {
  const clock = deps.clock ?? { now: () => new Date() };
  const store = new OfflineStore(() => deps.database.db);
  const detector = new OutageDetector({ ...deps.detector, now: () => clock.now().getTime(), probe: deps.detector?.probe ?? createKsefProbe(deps.apiBaseUrl) });
  const hasOfflineCertificate = async () => {
    try {
      return (await deps.certificates.list()).some(isUsableOfflineCertificate);
    } catch {
      return false;
    }
  };
  const status = async (): Promise<OfflineStatus> => {
    coordinator.start();
    const state = detector.state();
    return { offline: state.offline, manual: state.manual, outageSince: state.outageSince, lastProbeAt: state.lastProbeAt, hasOfflineCertificate: await hasOfflineCertificate() };
  };
  const publish = () => void status().then(deps.onChange, (error: unknown) => deps.log?.('offline status failed', error));
  const coordinator = new OfflineCoordinator({
    store,
    detector,
    certificates: deps.certificates,
    qr: deps.qr,
    environment: deps.environment,
    clock,
    sendPending: async () => deps.outbox()?.sendPending(),
    onChange: publish,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const corrections = new TechnicalCorrectionService({
    store,
    clock,
    outbox: {
      rejection: (id) => requireOutbox(deps).rejection(id),
      xml: (id) => requireOutbox(deps).xml(id),
      sendTechnicalCorrection: (id, xml, hash) => requireOutbox(deps).sendTechnicalCorrection(id, xml, hash),
      correctionStillCounts: (hash) => requireOutbox(deps).correctionStillCounts(hash),
    },
  });
  return {
    coordinator,
    corrections,
    status,
    views: (ids) => coordinator.infos(ids).map((info) => toView(info, store.corrections(info.outboxId))),
    outages: () => coordinator.outages().map((period) => ({ id: period.id, kind: period.kind, start: period.start, end: period.end ?? null, source: period.source })),
    completeKod2: () => coordinator.completeMissingKod2((id) => requireOutbox(deps).xml(id).catch(() => null)),
    stop: () => coordinator.stop(),
  };
}
