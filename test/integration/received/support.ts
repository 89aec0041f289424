/** Sandbox + signed-in client + an in-memory archive for received-invoice sync tests. */
import { KsefInvoicesApi } from '../../../electron/services/ksef/api/invoices';
import type { KsefSession } from '../../../electron/services/ksef/auth/session';
import { ReceivedArchive } from '../../../electron/services/received/archive';
import { openDatabase, type SqliteDatabase } from '../../../electron/services/storage/database';
import { ALL_MIGRATIONS } from '../../../electron/services/storage/migrations';
import { syncReceived, type SyncRequest } from '../../../electron/services/received/sync-engine';
import type { ReceivedSyncSummary } from '../../../shared/ipc/channels/received';
import { loginWithNewCertificate, startHarness, type Harness } from '../ksef-client/harness';
import type { SandboxOptions } from '../../../electron/sandbox/index';

export interface SyncWorld {
  harness: Harness;
  session: KsefSession;
  api: KsefInvoicesApi;
  db: SqliteDatabase;
  archive: ReceivedArchive;
  sync(options?: Partial<SyncRequest>): Promise<ReceivedSyncSummary>;
  archivedNumbers(): string[];
  close(): Promise<void>;
}

export async function startSyncWorld(nip: string, sandbox: Omit<SandboxOptions, 'clock'> = {}, client: Parameters<typeof startHarness>[0] = {}): Promise<SyncWorld> {
  const harness = await startHarness({ virtualTime: false, sandbox, ...client });
  const session = await loginWithNewCertificate(harness, { nip });
  const api = new KsefInvoicesApi(session, harness.client.publicKeys);
  const db = openDatabase(':memory:', ALL_MIGRATIONS);
  const archive = new ReceivedArchive(() => db);
  return {
    harness,
    session,
    api,
    db,
    archive,
    sync: (options = {}) => syncReceived({ companyNip: nip, subject: 'buyer', api, archive, time: harness.time, ...options }),
    archivedNumbers: () => (db.prepare('SELECT ksef_number FROM received_invoice WHERE company_nip = ? ORDER BY ksef_number').pluck().all(nip) as string[]),
    close: async () => {
      db.close();
      await harness.close();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
