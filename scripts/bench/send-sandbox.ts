// Part (c) of `npm run bench -- send`: the outbox sends N invoices to an in-process sandbox with the official limits.
import { performance } from 'node:perf_hooks';
import { createKsefToken } from '../../electron/sandbox/auth/ksef-token-store';
import { startSandbox } from '../../electron/sandbox/index';
import { createKsefClient } from '../../electron/services/ksef/client';
import { InvoiceFileChecker } from '../../electron/services/outbox/invoice-file';
import { OutboxService } from '../../electron/services/outbox/outbox-service';
import { OutboxStore } from '../../electron/services/outbox/outbox-store';
import { sendContext } from '../../electron/services/outbox/send-context';
import { openDatabase } from '../../electron/services/storage/database';
import { ALL_MIGRATIONS } from '../../electron/services/storage/migrations';
import path from 'node:path';

export interface SendBenchResult {
  wallMs: number;
  enqueueMs: number;
  sendMs: number;
  requests: number;
  rateLimited: number;
  accepted: number;
}

export async function benchSend(options: { count: number; invoiceXml: (index: number) => Buffer; sellerNip: string; workDir: string }): Promise<SendBenchResult> {
  const sandbox = await startSandbox({ port: 0, limits: 'official', ...(process.env.KSEF_SCHEMA_DIR ? { schemaDir: process.env.KSEF_SCHEMA_DIR } : {}), log: () => undefined });
  const db = openDatabase(path.join(options.workDir, 'bench.sqlite'), ALL_MIGRATIONS);
  let requests = 0;
  let rateLimited = 0;
  try {
    const client = createKsefClient({
      baseUrl: sandbox.baseUrl,
      onExchange: (exchange) => {
        requests++;
        if (exchange.response?.status === 429 || (exchange.error as { httpStatus?: number } | undefined)?.httpStatus === 429) rateLimited++;
      },
    });
    const token = createKsefToken(
      sandbox.deps.store,
      { context: { type: 'Nip', value: options.sellerNip }, author: { type: 'Nip', value: options.sellerNip }, permissions: ['InvoiceWrite'], description: 'bench' },
      sandbox.deps.clock.now(),
    );
    const started = performance.now();
    const session = await client.auth.loginWithKsefToken({ context: { type: 'Nip', value: options.sellerNip }, token: token.token });
    const store = new OutboxStore(() => db);
    const outbox = new OutboxService({
      store,
      checker: new InvoiceFileChecker(null),
      workDir: options.workDir,
      context: () => sendContext(session, 'sandbox', (key) => client.publicKeys.encrypt('SymmetricKeyEncryption', key)),
    });
    // In chunks: one transaction each, and never all XMLs in memory at once.
    for (let first = 0; first < options.count; first += 1000) {
      const chunk = Array.from({ length: Math.min(1000, options.count - first) }, (_, offset) => ({ xml: options.invoiceXml(first + offset), origin: 'issued' as const }));
      await outbox.enqueueMany(chunk);
    }
    const enqueued = performance.now();
    await outbox.sendPending();
    await outbox.closeSessions();
    const done = performance.now();
    return {
      wallMs: done - started,
      enqueueMs: enqueued - started,
      sendMs: done - enqueued,
      requests,
      rateLimited,
      accepted: store.counts().accepted,
    };
  } finally {
    db.close();
    await sandbox.close();
  }
}
