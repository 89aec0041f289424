/** The outbox composed: store, file checks, senders, the port offline issuing (E2) calls back into. */
import path from 'node:path';
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { OutboxChanged } from '../../../shared/ipc/channels/outbox';
import type { AuthService } from '../auth-session/auth-service';
import type { ProfileDatabase } from '../storage/profile-database';
import { InvoiceFileChecker, type SchemaValidatorPort } from './invoice-file';
import { OutboxService } from './outbox-service';
import { OutboxStore } from './outbox-store';
import { sendContext, type OfflinePort } from './send-context';
import { sha256Base64 } from './outbox-service';

export { OUTBOX_MIGRATIONS } from './outbox-schema';
export { OutboxService, BATCH_THRESHOLD, type EnqueueRequest } from './outbox-service';
export { OutboxStore, publicItem, type StoredItem } from './outbox-store';
export { InvoiceFileChecker, type SchemaValidatorPort, type FileProblem } from './invoice-file';
export type { OfflinePort, SendContext } from './send-context';

export interface OutboxServicesDeps {
  database: ProfileDatabase;
  profileDir: string;
  auth: Pick<AuthService, 'requireSession'>;
  /** Offline issuing (E2), built before the outbox. */
  offline?: () => OfflinePort | null;
  schemaValidator?: SchemaValidatorPort | null;
  onChange: (change: OutboxChanged) => void;
  /** Close an idle online session after this long (the app: 60 s); 0 = on request only (CLI). */
  idleCloseMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** What offline issuing's technical correction needs from the outbox (E2's CorrectionOutboxPort + sendPending). */
export interface OutboxOfflineAdapter {
  sendPending(): Promise<unknown>;
  rejection(id: string): Promise<{ state: string; statusCode: number | null; offlineMode: boolean } | null>;
  xml(id: string): Promise<Buffer>;
  sendTechnicalCorrection(originalId: string, xml: Buffer, hashOfCorrectedInvoice: string): Promise<{ id: string }>;
  correctionStillCounts(hash: string): Promise<boolean>;
}

export interface OutboxServices {
  service: OutboxService;
  store: OutboxStore;
  offlineAdapter: OutboxOfflineAdapter;
}

export function createOutboxServices(deps: OutboxServicesDeps): OutboxServices {
  const store = new OutboxStore(() => deps.database.db);
  const service = new OutboxService({
    store,
    checker: new InvoiceFileChecker(deps.schemaValidator ?? null),
    workDir: path.join(deps.profileDir, 'outbox-batches'),
    context: () => {
      const { session, environment } = deps.auth.requireSession();
      return sendContext(session, environment satisfies KsefEnvironment);
    },
    offline: () => deps.offline?.() ?? null,
    onChange: deps.onChange,
    idleCloseMs: deps.idleCloseMs ?? 0,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const offlineAdapter: OutboxOfflineAdapter = {
    sendPending: () => service.sendPending(),
    rejection: async (id) => {
      const item = store.get(id);
      if (!item) return null;
      const code = item.error ? Number(item.error.code) : NaN;
      return { state: item.state, statusCode: Number.isInteger(code) ? code : null, offlineMode: item.offlineMode };
    },
    xml: async (id) => service.xml(id),
    sendTechnicalCorrection: async (originalId, xml, hashOfCorrectedInvoice) => {
      const original = service.stored(originalId);
      const check = await new InvoiceFileChecker(deps.schemaValidator ?? null).check(xml);
      if (!check.ok) throw new Error(check.problems[0]?.message ?? 'invalid correction');
      const item = store.insert({
        origin: original.origin,
        fileName: `korekta-techniczna-${original.fileName ?? `${original.invoiceNumber}.xml`}`,
        xml,
        hash: sha256Base64(xml),
        summary: check.summary,
        state: 'queued',
        offlineMode: true,
        correctedHash: hashOfCorrectedInvoice,
      });
      deps.onChange({ ids: [item.id] });
      void service.sendPending().catch((error: unknown) => deps.log?.('sending the technical correction failed', error));
      return { id: item.id };
    },
    correctionStillCounts: async (hash) => {
      const item = store.findByHash(hash);
      return item !== null && (item.state === 'queued' || item.state === 'sending' || item.state === 'accepted');
    },
  };
  return { service, store: store, offlineAdapter };
}
