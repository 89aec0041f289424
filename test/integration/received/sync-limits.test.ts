import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KsefApiError } from '../../../electron/services/ksef/http/errors';
import { arrive, sandboxNumbersFor } from './arrivals';
import { sleep, startSyncWorld, type SyncWorld } from './support';

const NIP = '5265877635';

describe('received sync under the official rate limits (sandbox enforcing them)', () => {
  let world: SyncWorld;
  const answered429: string[] = [];

  beforeAll(async () => {
    world = await startSyncWorld(NIP, { limits: 'official', seedReceived: [{ nip: NIP, count: 300 }] }, {
      client: {
        onExchange: (exchange) => {
          if (exchange.error instanceof KsefApiError && exchange.error.httpStatus === 429) answered429.push(exchange.request.template);
        },
      },
    });
  }, 60_000);
  afterAll(() => world?.close());

  it('export first, downloads for a handful later, and KSeF never answers 429', async () => {
    expect((await world.sync()).method).toBe('export');
    arrive(world.harness.sandbox, NIP, 5);
    await sleep(2_100);
    expect(await world.sync()).toMatchObject({ method: 'download', imported: 5 });
    expect(world.archivedNumbers()).toEqual(sandboxNumbersFor(world.harness.sandbox, NIP));
    expect(answered429).toEqual([]);
    expect(world.harness.events.filter((event) => event.type === 'rate-limited')).toEqual([]);
  }, 60_000);
});
