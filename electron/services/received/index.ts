/** Received invoices: incremental sync from KSeF into the profile database, browsing, export, badges. */
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { EventBus } from '../../ipc/handlers';
import type { AccountServices } from '../app/account-services';
import type { ProfileDatabase } from '../storage/profile-database';
import { ReceivedArchive } from './archive';
import { BackgroundSessions } from './background-sessions';
import type { ReceivedDocuments } from './documents';
import { ReceivedExportJobs } from './export-jobs';
import { ReceivedSyncService } from './sync-service';

export interface ReceivedServices {
  archive: ReceivedArchive;
  sync: ReceivedSyncService;
  exports: ReceivedExportJobs;
  documents: ReceivedDocuments;
  environment: () => KsefEnvironment;
  /** Stops the schedule and any run, and logs out the background sessions. */
  close(): Promise<void>;
}

export function createReceivedServices(deps: {
  database: ProfileDatabase;
  account: AccountServices;
  events: EventBus;
  environment: () => KsefEnvironment;
  documents: ReceivedDocuments;
}): ReceivedServices {
  const archive = new ReceivedArchive(() => deps.database.db);
  const background = new BackgroundSessions({
    certificates: deps.account.certificates,
    connections: deps.account.connections,
    environment: deps.environment,
    vaultUnlocked: () => deps.account.vaultAccess.protector.isUnlocked,
  });
  const sync = new ReceivedSyncService({
    archive,
    session: () => deps.account.auth.requireSession(),
    client: (environment) => deps.account.connections.forEnvironment(environment),
    companies: async () => (await deps.account.companies.list()).companies.map((company) => company.nip),
    sessionFor: (companyNip) => background.forCompany(companyNip),
    onProgress: (progress) => deps.events.publish('received:progress', progress),
    onSynced: (summary) => deps.events.publish('received:synced', summary),
  });
  const pdfRenderer = deps.documents.pdf;
  const exports = new ReceivedExportJobs(archive, {
    pdf: pdfRenderer ? (xml, row) => pdfRenderer(deps.environment())(xml, row) : null,
    onProgress: (job) => deps.events.publish('received:exportProgress', job),
  });
  return {
    archive,
    sync,
    exports,
    documents: deps.documents,
    environment: deps.environment,
    close: async () => {
      sync.stopSchedule();
      sync.cancel();
      await background.close();
    },
  };
}

export { ReceivedArchive } from './archive';
export { syncReceived, type SyncRequest, type SyncStrategy } from './sync-engine';
export { runExport, exportFileName } from './export-jobs';
export { receivedKod1, type ReceivedDocuments } from './documents';
