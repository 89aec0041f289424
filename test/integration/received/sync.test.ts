import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tuneRetrieval } from '../../../electron/sandbox/retrieval';
import { arrive, sandboxNumbersFor } from './arrivals';
import { sleep, startSyncWorld, type SyncWorld } from './support';

const BUYER_NIP = '5265877635';
const SEEDED = 2000;

describe('received sync against the sandbox: incremental, nothing missed or doubled', () => {
  let world: SyncWorld;

  beforeAll(async () => {
    world = await startSyncWorld(BUYER_NIP, { seedReceived: [{ nip: BUYER_NIP, count: SEEDED }] });
  }, 120_000);
  afterAll(() => world?.close());

  it('first sync moves the seeded thousands through export packages, chained across truncated packages', async () => {
    tuneRetrieval(world.harness.sandbox.deps, { exportInvoiceCap: 700 });
    const progress: string[] = [];
    const summary = await world.sync({ onProgress: (p) => progress.push(p.phase) });
    expect(summary).toMatchObject({ method: 'export', imported: SEEDED, cancelled: false });
    expect(world.archivedNumbers()).toEqual(sandboxNumbersFor(world.harness.sandbox, BUYER_NIP));
    expect(progress).toContain('download');
    expect(progress.at(-1)).toBe('done');
    // Three packages (700 + 700 + 600), each init counted: the export path, not 2000 single downloads.
    const exportInits = world.harness.events.filter((e) => e.type === 'attempt' && e.endpoint === 'POST /invoices/exports').length;
    expect(exportInits).toBe(3);
    expect(world.harness.events.filter((e) => e.endpoint === 'GET /invoices/ksef/{}').length).toBe(0);
  }, 120_000);

  it('a handful arriving later comes by metadata query + download; a crowd by export; nothing twice', async () => {
    const few = arrive(world.harness.sandbox, BUYER_NIP, 4);
    await sleep(2_100); // the high-water mark trails "now" by a second
    const small = await world.sync();
    expect(small).toMatchObject({ method: 'download', imported: 4 });
    expect(world.archivedNumbers()).toEqual(expect.arrayContaining(few));

    const crowd = arrive(world.harness.sandbox, BUYER_NIP, 60);
    await sleep(2_100);
    const large = await world.sync();
    expect(large).toMatchObject({ method: 'export', imported: crowd.length });
    const all = world.archivedNumbers();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(sandboxNumbersFor(world.harness.sandbox, BUYER_NIP));

    const idle = await world.sync();
    expect(idle.imported).toBe(0);
  }, 60_000);

  it('invoices arriving during a sync are picked up by the next one, never lost at the window boundary', async () => {
    const before = arrive(world.harness.sandbox, BUYER_NIP, 30);
    await sleep(1_100);
    const running = world.sync();
    const during = arrive(world.harness.sandbox, BUYER_NIP, 30);
    await running;
    await sleep(2_100);
    await world.sync();
    const all = world.archivedNumbers();
    expect(all).toEqual(expect.arrayContaining([...before, ...during]));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(sandboxNumbersFor(world.harness.sandbox, BUYER_NIP));
    expect(world.harness.specViolations).toEqual([]);
  }, 60_000);
});
