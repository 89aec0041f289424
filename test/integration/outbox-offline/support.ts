/** Sandbox + signed-in session + the outbox with offline issuing wired as the app wires it, for the offline tests. */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxOptions } from '../../../electron/sandbox/index';
import { invoiceArchive, type StoredInvoice } from '../../../electron/sandbox/invoices/archive';
import { enrollCertificate } from '../../../electron/services/ksef/enrollment/enroll-certificate';
import type { KsefSession } from '../../../electron/services/ksef/auth/session';
import { kod1Url, kod2Url } from '../../../electron/services/invoices/qr';
import { OfflineCoordinator } from '../../../electron/services/outbox/offline/offline-coordinator';
import { OfflineStore } from '../../../electron/services/outbox/offline/offline-store';
import { createKsefProbe } from '../../../electron/services/outbox/offline/ksef-probe';
import { OutageDetector, type OutageEvent } from '../../../electron/services/outbox/offline/outage-detector';
import { TechnicalCorrectionService, type CorrectionOutboxPort } from '../../../electron/services/outbox/offline/technical-correction';
import { createOutboxServices, type OutboxServices } from '../../../electron/services/outbox';
import type { OutboxService } from '../../../electron/services/outbox/outbox-service';
import type { OutboxStore } from '../../../electron/services/outbox/outbox-store';
import { ProfileDatabase } from '../../../electron/services/storage/profile-database';
import type { AuthService } from '../../../electron/services/auth-session/auth-service';
import type { CertificateEntry } from '../../../shared/ipc/channels/certificates';
import { sandboxFaults } from '../../helpers/sandbox-faults';
import { loginWithNewCertificate, startHarness, type Harness } from '../ksef-client/harness';

export const SELLER_NIP = '5265877635';

export interface OfflineWorld {
  harness: Harness;
  session: KsefSession;
  store: OutboxStore;
  outbox: OutboxService;
  offlineStore: OfflineStore;
  detector: OutageDetector;
  coordinator: OfflineCoordinator;
  corrections: TechnicalCorrectionService;
  /** The outbox side of the correction flow, past the local checks. */
  correctionPort: CorrectionOutboxPort;
  /** The Offline-type KSeF certificate the sandbox issued (DER), for verifying KOD II. */
  offlineCertificateDer: Buffer;
  setFaults(plan: string | null): Promise<void>;
  nextEvent(type: OutageEvent['type']): Promise<OutageEvent>;
  inSandbox(invoiceNumber: string): StoredInvoice[];
  close(): Promise<void>;
}

export async function startOfflineWorld(options: { sandbox?: Omit<SandboxOptions, 'clock'> } = {}): Promise<OfflineWorld> {
  const harness = await startHarness({ virtualTime: false, ...(options.sandbox ? { sandbox: options.sandbox } : {}), client: { timeoutMs: 3_000 } });
  const session = await loginWithNewCertificate(harness, { nip: SELLER_NIP });
  const enrolled = await enrollCertificate(session, { type: 'Offline', name: 'KSeF Desk offline test', keyType: 'ec' }, { poll: { initialDelayMs: 50, maxDelayMs: 200 } });
  const x509 = new X509Certificate(enrolled.certificateDer);
  const offlineEntry = {
    id: 'offline-cert',
    ksefCertificateType: 'Offline',
    status: 'valid',
    nip: SELLER_NIP,
    serialNumber: enrolled.serialNumber,
    notAfter: new Date(x509.validTo).toISOString(),
  } as CertificateEntry;
  const privateKey = createPrivateKey({ key: enrolled.privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });

  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'outbox-offline-test-'));
  const database = new ProfileDatabase(profileDir);
  const offlineStore = new OfflineStore(() => database.db);
  const faults = sandboxFaults(harness.sandbox);
  const detector = new OutageDetector({
    now: Date.now,
    probe: createKsefProbe(async () => harness.sandbox.baseUrl),
    failureThreshold: 2,
    minOutageMs: 200,
    probeIntervalMs: 100,
    maxProbeIntervalMs: 200,
  });
  // The outbox is built after the coordinator, as in the app; each reaches the other through a closure.
  let outbox: OutboxServices | null = null;
  const coordinator = new OfflineCoordinator({
    store: offlineStore,
    detector,
    certificates: { list: async () => [offlineEntry], withPrivateKey: (_id, fn) => fn(privateKey, enrolled.certificateDer) },
    qr: { kod1Url, kod2Url },
    environment: () => 'sandbox',
    clock: { now: () => new Date() },
    sendPending: async () => outbox?.service.sendPending(),
  });
  const signedIn = { requireSession: () => ({ session, environment: 'sandbox' as const }) } as unknown as Pick<AuthService, 'requireSession'>;
  outbox = createOutboxServices({ database, profileDir, auth: signedIn, offline: () => coordinator, onChange: () => undefined });
  const { service, store } = outbox;
  const correctionPort = outbox.offlineAdapter;
  const corrections = new TechnicalCorrectionService({ store: offlineStore, clock: { now: () => new Date() }, outbox: correctionPort });
  return {
    harness,
    session,
    store,
    outbox: service,
    offlineStore,
    detector,
    coordinator,
    corrections,
    correctionPort,
    offlineCertificateDer: enrolled.certificateDer,
    setFaults: async (plan) => {
      if (plan === null) await faults.clear();
      else await faults.set(plan);
    },
    nextEvent: (type) =>
      new Promise((resolve) => {
        const off = detector.onEvent((event) => {
          if (event.type !== type) return;
          off();
          resolve(event);
        });
      }),
    inSandbox: (invoiceNumber) =>
      Object.values(invoiceArchive(harness.sandbox.deps.store).byKsefNumber).filter(
        (stored) => stored.facts.seller.nip === SELLER_NIP && stored.facts.invoiceNumber === invoiceNumber,
      ),
    close: async () => {
      coordinator.stop();
      await service.closeSessions().catch(() => undefined);
      database.close();
      rmSync(profileDir, { recursive: true, force: true });
      await harness.close();
    },
  };
}

/** Waits (polling) until `check` holds; fails with `what` after the limit. No timing is asserted. */
export async function eventually(check: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
