/** Sandbox + signed-in session + an outbox on an in-memory database, for the sending tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxOptions } from '../../../electron/sandbox/index';
import { invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import { buildTestInvoice } from '../../../electron/sandbox/sessions/client-kit';
import type { KsefSession } from '../../../electron/services/ksef/auth/session';
import { InvoiceFileChecker } from '../../../electron/services/outbox/invoice-file';
import { OutboxService } from '../../../electron/services/outbox/outbox-service';
import { OutboxStore } from '../../../electron/services/outbox/outbox-store';
import { sendContext } from '../../../electron/services/outbox/send-context';
import { openDatabase, type SqliteDatabase } from '../../../electron/services/storage/database';
import { ALL_MIGRATIONS } from '../../../electron/services/storage/migrations';
import type { OutboxChanged } from '../../../shared/ipc/channels/outbox';
import { loginWithNewCertificate, startHarness, type Harness } from '../ksef-client/harness';

export const SELLER_NIP = '5265877635';

export interface OutboxWorld {
  harness: Harness;
  session: KsefSession;
  db: SqliteDatabase;
  store: OutboxStore;
  outbox: OutboxService;
  changes: OutboxChanged[];
  /** Invoices of SELLER_NIP KSeF (the sandbox) has accepted, by invoice number. */
  acceptedInSandbox(): Map<string, number>;
  close(): Promise<void>;
}

/** Like the MF test environment with limits switched off: the client does not hold back either. */
export const NO_CLIENT_LIMITS = Object.fromEntries(
  (['onlineSession', 'invoiceSend', 'batchSession', 'invoiceStatus', 'sessionList', 'sessionInvoiceList', 'sessionMisc', 'other', 'public'] as const).map((group) => [group, { perSecond: 10_000 }]),
);

export async function startOutboxWorld(options: { sandbox?: Omit<SandboxOptions, 'clock'>; officialClientLimits?: boolean } = {}): Promise<OutboxWorld> {
  const harness = await startHarness({
    virtualTime: false,
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.officialClientLimits ? {} : { client: { limits: NO_CLIENT_LIMITS } }),
  });
  const session = await loginWithNewCertificate(harness, { nip: SELLER_NIP });
  const db = openDatabase(':memory:', ALL_MIGRATIONS);
  const store = new OutboxStore(() => db);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'outbox-test-'));
  const changes: OutboxChanged[] = [];
  const outbox = new OutboxService({
    store,
    checker: new InvoiceFileChecker(null),
    workDir,
    context: () => sendContext(session, 'sandbox', (key) => harness.client.publicKeys.encrypt('SymmetricKeyEncryption', key)),
    onChange: (change) => changes.push(change),
  });
  return {
    harness,
    session,
    db,
    store,
    outbox,
    changes,
    acceptedInSandbox: () => {
      const counts = new Map<string, number>();
      for (const stored of Object.values(invoiceArchive(harness.sandbox.deps.store).byKsefNumber)) {
        if (stored.facts.seller.nip !== SELLER_NIP) continue;
        counts.set(stored.facts.invoiceNumber, (counts.get(stored.facts.invoiceNumber) ?? 0) + 1);
      }
      return counts;
    },
    close: async () => {
      await outbox.closeSessions();
      db.close();
      rmSync(workDir, { recursive: true, force: true });
      await harness.close();
    },
  };
}

export function invoices(prefix: string, count: number): { number: string; xml: Buffer }[] {
  return Array.from({ length: count }, (_, index) => {
    const number = `${prefix}/${index + 1}`;
    return { number, xml: buildTestInvoice({ sellerNip: SELLER_NIP, invoiceNumber: number }) };
  });
}
