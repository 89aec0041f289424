import { describe, expect, it } from 'vitest';
import type { SignedInSession } from '../../../shared/ipc/channels/auth';
import { AppError } from '../errors/app-error';
import type { KsefSession } from '../ksef/auth/session';
import type { KsefClient } from '../ksef/client';
import { openDatabase } from '../storage/database';
import { ALL_MIGRATIONS } from '../storage/migrations';
import { ReceivedArchive } from './archive';
import { MIN_SCHEDULED_GAP_MS, ReceivedSyncService } from './sync-service';

const NIP = '5265877635';
const HWM = '2026-03-01T10:00:00.0000000+00:00';

/** A session whose metadata query answers "nothing new up to HWM"; counts the queries. */
function fakeSession(calls: string[]): KsefSession {
  const session = {
    requestJson: async (request: { template: string }) => {
      calls.push(request.template);
      return { hasMore: false, isTruncated: false, permanentStorageHwmDate: HWM, invoices: [] };
    },
  };
  return session as unknown as KsefSession;
}

function service(now: { ms: number }, signedIn: boolean, calls: string[]) {
  const db = openDatabase(':memory:', ALL_MIGRATIONS);
  const archive = new ReceivedArchive(() => db, () => new Date(now.ms));
  const sync = new ReceivedSyncService({
    archive,
    session: () => {
      if (!signedIn) throw new AppError('NOT_SIGNED_IN');
      return { session: fakeSession(calls), info: { contextNip: NIP } as SignedInSession, environment: 'sandbox' };
    },
    client: async () => ({ publicKeys: {} }) as unknown as KsefClient,
    time: { now: () => now.ms, sleep: async () => undefined },
  });
  return { sync, archive };
}

describe('received sync schedule', () => {
  it('does nothing while nobody is signed in', async () => {
    const calls: string[] = [];
    const { sync } = service({ ms: Date.parse('2026-03-01T12:00:00Z') }, false, calls);
    expect(await sync.scheduledTick()).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('syncs the signed-in company at most once per 15 minutes per subject, and records the HWM checkpoint', async () => {
    const calls: string[] = [];
    const now = { ms: Date.parse('2026-03-01T12:00:00Z') };
    const { sync, archive } = service(now, true, calls);
    expect(await sync.scheduledTick()).toEqual([{ companyNip: NIP, subject: 'buyer' }]);
    expect(calls).toEqual(['/invoices/query/metadata']);
    expect(archive.checkpoint(NIP, 'buyer')).toBe(HWM);

    now.ms += MIN_SCHEDULED_GAP_MS - 1_000;
    expect(await sync.scheduledTick()).toEqual([]);
    now.ms += 2_000;
    expect(await sync.scheduledTick()).toEqual([{ companyNip: NIP, subject: 'buyer' }]);
    expect(calls).toHaveLength(2);
    expect(sync.state()).toEqual({ running: null, last: [expect.objectContaining({ companyNip: NIP, subject: 'buyer', checkpoint: HWM, error: null })] });
  });
});
