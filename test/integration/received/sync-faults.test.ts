import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultPlan } from '../../../electron/sandbox/faults/plan';
import { tuneRetrieval } from '../../../electron/sandbox/retrieval';
import { arrive, sandboxNumbersFor } from './arrivals';
import { sleep, startSyncWorld, type SyncWorld } from './support';

const BUYER_NIP = '7762811692';

describe('received sync: truncated metadata windows, a 429 storm and an outage mid-sync', () => {
  let world: SyncWorld;

  beforeAll(async () => {
    world = await startSyncWorld(BUYER_NIP, { seedReceived: [{ nip: BUYER_NIP, count: 400 }] }, {
      // The download path is the point here, not KSeF's 64/h: lift the client's limits for the test.
      client: { retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 }, limits: { invoiceDownload: { perSecond: 500 }, invoiceMetadata: { perSecond: 500 } } },
    });
  }, 60_000);
  afterAll(() => world?.close());

  it('metadata paging follows hasMore, and isTruncated moves `from` to the last record', async () => {
    tuneRetrieval(world.harness.sandbox.deps, { metadataRowCap: 120 });
    try {
      const summary = await world.sync({ strategy: 'download' });
      expect(summary.imported).toBe(400);
      expect(world.archivedNumbers()).toEqual(sandboxNumbersFor(world.harness.sandbox, BUYER_NIP));
      // 400 rows at 250 per page and 120 per filter set: at least four queries, each restarting from a later `from`.
      const queries = world.harness.events.filter((e) => e.type === 'attempt' && e.endpoint === 'POST /invoices/query/metadata').length;
      expect(queries).toBeGreaterThanOrEqual(4);
    } finally {
      tuneRetrieval(world.harness.sandbox.deps, { metadataRowCap: 10_000 });
    }
  }, 60_000);

  it('rides out a 429 storm by waiting Retry-After: the sync completes', async () => {
    const arrived = arrive(world.harness.sandbox, BUYER_NIP, 8);
    await sleep(2_100);
    world.harness.sandbox.faults.setPlan(parseFaultPlan('429storm=1:1s@/invoices/*'));
    const calm = setTimeout(() => world.harness.sandbox.faults.clear(), 1_500);
    try {
      const summary = await world.sync();
      expect(summary.imported).toBe(arrived.length);
    } finally {
      clearTimeout(calm);
      world.harness.sandbox.faults.clear();
    }
    expect(world.harness.events.some((e) => e.type === 'rate-limited')).toBe(true);
    expect(world.archivedNumbers()).toEqual(sandboxNumbersFor(world.harness.sandbox, BUYER_NIP));
  }, 60_000);

  it('an outage mid-sync fails the run without losing committed work; the next run finishes exactly', async () => {
    const arrived = arrive(world.harness.sandbox, BUYER_NIP, 9);
    await sleep(2_100);
    let downloads = 0;
    const failing = world.sync({
      strategy: 'download',
      onProgress: (progress) => {
        if (progress.phase === 'download' && ++downloads === 4) world.harness.sandbox.faults.setPlan(parseFaultPlan('outage@/invoices/*'));
      },
    });
    await expect(failing).rejects.toThrow();
    world.harness.sandbox.faults.clear();
    const checkpointAfterFailure = world.archive.checkpoint(BUYER_NIP, 'buyer');
    const resumed = await world.sync();
    expect(resumed.imported).toBe(arrived.length);
    expect(world.archive.checkpoint(BUYER_NIP, 'buyer')! >= checkpointAfterFailure!).toBe(true);
    const all = world.archivedNumbers();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(sandboxNumbersFor(world.harness.sandbox, BUYER_NIP));
  }, 60_000);

  it('a tampered export package is refused whole: nothing imported, the checkpoint stays', async () => {
    arrive(world.harness.sandbox, BUYER_NIP, 20);
    await sleep(2_100);
    const before = world.archivedNumbers();
    const checkpoint = world.archive.checkpoint(BUYER_NIP, 'buyer');
    const tampering = async (url: string) => {
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
      return bytes;
    };
    await expect(world.sync({ strategy: 'export', fetcher: tampering })).rejects.toThrow(/hash/);
    expect(world.archivedNumbers()).toEqual(before);
    expect(world.archive.checkpoint(BUYER_NIP, 'buyer')).toBe(checkpoint);
    const resumed = await world.sync({ strategy: 'export' });
    expect(resumed.imported).toBe(20);
    expect(world.archivedNumbers()).toEqual(sandboxNumbersFor(world.harness.sandbox, BUYER_NIP));
  }, 60_000);
});
