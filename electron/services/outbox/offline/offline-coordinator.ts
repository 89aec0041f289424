/**
 * Offline issuing (PROTOCOL §14) between the outbox and the outage detector: decides whether a new invoice
 * is issued offline, gives an offline invoice its KOD I and KOD II, keeps its deadline, records outages,
 * and has the outbox send what waits as soon as KSeF answers again.
 */
import { createHash } from 'node:crypto';
import type { KsefEnvironment } from '../../../../shared/domain/environments';
import { isAppError } from '../../errors/app-error';
import type { Kod2ContextType, kod1Url, kod2Url } from '../../invoices/qr';
import { offlineDeadline, type OfflineMode, type OutagePeriod } from './deadlines';
import { offlineSignerFor, type OfflineCertificateSource } from './kod2-signer';
import { isOutageSignal } from './ksef-probe';
import type { Kod2Problem, OfflineInvoiceRecord, OfflineStore } from './offline-store';
import type { OutageDetector, OutageEvent } from './outage-detector';

/** The QR module's URL builders (PROTOCOL §14), injected. */
export interface QrUrlBuilder {
  kod1Url: typeof kod1Url;
  kod2Url: typeof kod2Url;
}

export interface OfflineCoordinatorDeps {
  store: OfflineStore;
  detector: OutageDetector;
  certificates: OfflineCertificateSource;
  qr: QrUrlBuilder;
  environment: () => KsefEnvironment;
  clock: { now(): Date };
  /** The outbox's "send what waits": called when an outage ends or the user leaves offline mode. */
  sendPending: () => Promise<unknown>;
  onChange?: () => void;
  log?: (message: string, error?: unknown) => void;
}

export interface OfflineIssuedInvoice {
  id: string;
  xml: Buffer;
  issueDate: string;
  sellerNip: string;
  /** The issuer's login context; the seller's NIP when absent. */
  context?: { type: Kod2ContextType; value: string };
}

export interface OfflineInvoiceInfo extends OfflineInvoiceRecord {
  /** Last day to send ("YYYY-MM-DD"), or null while the outage it depends on lasts. */
  deadline: string | null;
}

export class OfflineCoordinator {
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly deps: OfflineCoordinatorDeps) {}

  /**
   * Restores the user's switch and starts following the detector. Every entry point calls it, so the
   * profile database is opened only when offline issuing is first needed.
   */
  start(): void {
    if (this.unsubscribe || this.stopped) return;
    this.deps.detector.setManual(this.deps.store.manualOffline());
    // A detected outage still open from a previous run is over as far as we know; the detector starts fresh.
    this.deps.store.endOutages('detected', this.deps.clock.now().toISOString());
    this.unsubscribe = this.deps.detector.onEvent((event) => this.onDetectorEvent(event));
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.deps.detector.stop();
  }

  /** How the outbox should issue a new invoice when the caller did not say. */
  modeFor(requested?: 'online' | 'offline'): 'online' | 'offline' {
    this.start();
    return requested ?? (this.deps.detector.state().offline ? 'offline' : 'online');
  }

  /** Whether the outbox may talk to KSeF now (false during an outage or in the user's offline mode). */
  canSend(): boolean {
    this.start();
    return !this.deps.detector.state().offline;
  }

  /** The outbox reports the outcome of every KSeF call: no argument on success. */
  observe(error?: unknown): void {
    this.start();
    if (error === undefined) this.deps.detector.recordSuccess();
    else if (isOutageSignal(error)) this.deps.detector.recordFailure();
  }

  setManual(on: boolean): void {
    this.start();
    this.deps.store.setManualOffline(on);
    this.deps.detector.setManual(on);
    if (!on) this.kickSending();
  }

  async checkNow(): Promise<boolean> {
    this.start();
    const answered = await this.deps.detector.checkNow();
    this.deps.onChange?.();
    return answered;
  }

  /** Gives a freshly stored offline invoice its KOD I and (when an Offline certificate is at hand) KOD II. */
  async onOfflineIssued(invoice: OfflineIssuedInvoice): Promise<OfflineInvoiceInfo> {
    this.start();
    const mode = this.modeNow();
    const environment = this.deps.environment();
    const codes = await this.kod2For(invoice, environment);
    const record: OfflineInvoiceRecord = {
      outboxId: invoice.id,
      mode,
      issueDate: invoice.issueDate,
      sellerNip: invoice.sellerNip,
      invoiceHash: createHash('sha256').update(invoice.xml).digest('base64'),
      kod1Url: this.deps.qr.kod1Url({ environment, sellerNip: invoice.sellerNip, issueDate: invoice.issueDate, xml: invoice.xml }),
      ...codes,
      createdAt: this.deps.clock.now().toISOString(),
    };
    this.deps.store.saveInvoice(record);
    this.deps.onChange?.();
    return this.withDeadline(record);
  }

  /** Records a failure or unavailability the Ministry announced (BIP, the KSeF lighthouse); returns its id. */
  announce(period: { kind: OutagePeriod['kind']; start: string; end?: string }): number {
    this.start();
    const id = this.deps.store.startOutage({ ...period, source: 'announced' });
    this.deps.onChange?.();
    return id;
  }

  /** Sets when an announced period ended (null: it still lasts). */
  endAnnouncement(id: number, end: string | null): boolean {
    this.start();
    const changed = this.deps.store.endAnnounced(id, end);
    if (changed) this.deps.onChange?.();
    return changed;
  }

  outages(): (OutagePeriod & { id: number })[] {
    this.start();
    return this.deps.store.outages();
  }

  /**
   * After an Offline certificate was obtained: signs KOD II for the offline invoices that lack it.
   * `xmlOf` reads the stored bytes from the outbox. Returns how many got their code.
   */
  async completeMissingKod2(xmlOf: (outboxId: string) => Promise<Buffer | null>): Promise<number> {
    this.start();
    let completed = 0;
    for (const record of this.deps.store.withoutKod2()) {
      const xml = await xmlOf(record.outboxId);
      if (!xml) continue;
      const codes = await this.kod2For({ id: record.outboxId, xml, issueDate: record.issueDate, sellerNip: record.sellerNip }, this.deps.environment());
      this.deps.store.saveInvoice({ ...record, ...codes });
      if (codes.kod2Url) completed += 1;
    }
    if (completed > 0) this.deps.onChange?.();
    return completed;
  }

  info(outboxId: string): OfflineInvoiceInfo | null {
    this.start();
    const record = this.deps.store.invoice(outboxId);
    return record ? this.withDeadline(record) : null;
  }

  infos(outboxIds?: readonly string[]): OfflineInvoiceInfo[] {
    this.start();
    const outages = this.deps.store.outages();
    return this.deps.store.invoices(outboxIds).map((record) => ({ ...record, deadline: offlineDeadline(record.issueDate, record.mode, outages) }));
  }

  deadlineOf(outboxId: string): string | null {
    return this.info(outboxId)?.deadline ?? null;
  }

  /**
   * Why an invoice issued now is offline (§14): an announced emergency that lasts → emergency; a detected outage or
   * an announced unavailability that lasts → unavailability; otherwise the taxpayer's choice, offline24.
   */
  private modeNow(): OfflineMode {
    const now = this.deps.clock.now().toISOString();
    const lasting = this.deps.store.outages().filter((p) => p.source === 'announced' && p.start <= now && (p.end === undefined || p.end > now));
    if (lasting.some((p) => p.kind === 'emergency')) return 'emergency';
    const state = this.deps.detector.state();
    if (lasting.length > 0 || (state.outageSince !== null && !state.manual)) return 'unavailability';
    return 'offline24';
  }

  private withDeadline(record: OfflineInvoiceRecord): OfflineInvoiceInfo {
    return { ...record, deadline: offlineDeadline(record.issueDate, record.mode, this.deps.store.outages()) };
  }

  private async kod2For(
    invoice: OfflineIssuedInvoice,
    environment: KsefEnvironment,
  ): Promise<{ kod2Url: string | null; certificateSerial: string | null; kod2Problem: Kod2Problem | null }> {
    try {
      const signer = await offlineSignerFor(this.deps.certificates, invoice.sellerNip);
      if (!signer) return { kod2Url: null, certificateSerial: null, kod2Problem: 'NO_OFFLINE_CERTIFICATE' };
      const context = invoice.context ?? { type: 'Nip', value: invoice.sellerNip };
      const kod2Url = await this.deps.qr.kod2Url({
        environment,
        contextType: context.type,
        contextValue: context.value,
        sellerNip: invoice.sellerNip,
        certificateSerial: signer.certificateSerial,
        xml: invoice.xml,
        sign: signer.sign,
      });
      return { kod2Url, certificateSerial: signer.certificateSerial, kod2Problem: null };
    } catch (error) {
      // The invoice stays issued offline; the UI says why KOD II is missing and how to get it.
      const locked = isAppError(error) && (error.code === 'VAULT_LOCKED' || error.code === 'PASSWORD_REQUIRED');
      if (!locked) this.deps.log?.('KOD II signing failed', error);
      return { kod2Url: null, certificateSerial: null, kod2Problem: locked ? 'VAULT_LOCKED' : 'SIGNING_FAILED' };
    }
  }

  private onDetectorEvent(event: OutageEvent): void {
    if (event.type === 'outage-started') {
      this.deps.store.startOutage({ kind: 'unavailability', start: event.startedAt, source: 'detected' });
    } else if (event.type === 'outage-ended') {
      this.deps.store.endOutages('detected', event.endedAt);
      this.kickSending();
    }
    this.deps.onChange?.();
  }

  private kickSending(): void {
    if (!this.canSend()) return;
    this.deps.sendPending().catch((error: unknown) => this.deps.log?.('sending after the outage failed', error));
  }
}
