import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc/channels/updates';
import { BUSY_RETRY_MS, CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, UpdateService, type Timers, type UpdateFeed } from './update-service';

/** Timers we fire by hand: the test decides when "later" is. */
class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }
  /** Fires every timer due after `ms` (the ones scheduled with exactly that delay). */
  fire(ms: number): void {
    for (const [id, timer] of [...this.pending]) {
      if (timer.ms !== ms) continue;
      this.pending.delete(id);
      timer.callback();
    }
  }
}

/** A feed that serves whatever version the test puts on it. */
class FakeFeed implements UpdateFeed {
  latest: string | null = null;
  failCheck = false;
  checks = 0;
  downloads: string[] = [];
  installs = 0;
  async check() {
    this.checks += 1;
    if (this.failCheck) throw new Error('feed unreachable');
    return this.latest ? { version: this.latest } : null;
  }
  async download() {
    this.downloads.push(this.latest ?? '?');
  }
  install() {
    this.installs += 1;
  }
}

function setup(options: { disabled?: boolean; busy?: () => boolean } = {}) {
  const feed = new FakeFeed();
  const timers = new ManualTimers();
  const seen: UpdateStatus[] = [];
  let busy = false;
  const service = new UpdateService({
    feed: options.disabled ? null : feed,
    currentVersion: '1.0.0',
    isBusy: options.busy ?? (() => busy),
    clock: { now: () => new Date('2026-05-01T08:00:00Z') },
    timers,
    onChange: (status) => seen.push(status),
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { feed, timers, service, seen, settle, setBusy: (value: boolean) => (busy = value) };
}

describe('UpdateService', () => {
  it('without a feed (development, browser mode) it is disabled and never checks', async () => {
    const { service, timers } = setup({ disabled: true });
    service.start();
    expect(timers.pending.size).toBe(0);
    expect((await service.checkNow()).phase).toBe('disabled');
    expect(service.requestInstall().phase).toBe('disabled');
  });

  it('checks shortly after start, then once a day; nothing newer → idle', async () => {
    const { service, feed, timers, settle } = setup();
    service.start();
    expect(timers.delays()).toEqual([FIRST_CHECK_DELAY_MS]);
    expect(feed.checks).toBe(0); // not during start-up
    timers.fire(FIRST_CHECK_DELAY_MS);
    await settle();
    expect(feed.checks).toBe(1);
    expect(service.status()).toMatchObject({ phase: 'idle', lastCheckedAt: '2026-05-01T08:00:00.000Z' });
    expect(timers.delays()).toEqual([CHECK_INTERVAL_MS]);
    timers.fire(CHECK_INTERVAL_MS);
    await settle();
    expect(feed.checks).toBe(2);
    expect(timers.delays()).toEqual([CHECK_INTERVAL_MS]);
  });

  it('downloads a newer version in the background and then offers install on restart', async () => {
    const { service, feed, seen } = setup();
    feed.latest = '1.1.0';
    const status = await service.checkNow();
    expect(status).toMatchObject({ phase: 'ready', availableVersion: '1.1.0', installPending: false });
    expect(feed.downloads).toEqual(['1.1.0']);
    expect(seen.map((s) => s.phase)).toEqual(['checking', 'checking', 'downloading', 'ready']);
    expect(feed.installs).toBe(0); // never on its own
    // Once ready, a later check neither asks the feed nor downloads again.
    await service.checkNow();
    expect([feed.checks, feed.downloads.length]).toEqual([1, 1]);
  });

  it('installs at once when nothing is being sent or synced', async () => {
    const { service, feed } = setup();
    feed.latest = '1.1.0';
    await service.checkNow();
    service.requestInstall();
    expect(feed.installs).toBe(1);
  });

  it('never installs during a send or sync: waits until they finish', async () => {
    const { service, feed, timers, setBusy } = setup();
    feed.latest = '1.1.0';
    await service.checkNow();
    setBusy(true);
    expect(service.requestInstall()).toMatchObject({ phase: 'ready', installPending: true });
    expect(feed.installs).toBe(0);
    timers.fire(BUSY_RETRY_MS); // still sending
    expect(feed.installs).toBe(0);
    setBusy(false);
    timers.fire(BUSY_RETRY_MS);
    expect(feed.installs).toBe(1);
    expect(service.status().installPending).toBe(false);
  });

  it('does nothing on an install request before an update is ready', async () => {
    const { service, feed } = setup();
    expect(service.requestInstall().phase).toBe('idle');
    expect(feed.installs).toBe(0);
  });

  it('a failing feed is an error state, retried by the next daily check', async () => {
    const { service, feed, timers, settle } = setup();
    feed.failCheck = true;
    expect((await service.checkNow()).phase).toBe('error');
    expect(timers.delays()).toEqual([CHECK_INTERVAL_MS]);
    feed.failCheck = false;
    feed.latest = '2.0.0';
    timers.fire(CHECK_INTERVAL_MS);
    await settle();
    await settle();
    expect(service.status()).toMatchObject({ phase: 'ready', availableVersion: '2.0.0' });
  });

  it('concurrent checks share one request to the feed', async () => {
    const { service, feed } = setup();
    feed.latest = '1.0.1';
    await Promise.all([service.checkNow(), service.checkNow(), service.checkNow()]);
    expect(feed.checks).toBe(1);
    expect(feed.downloads).toEqual(['1.0.1']);
  });
});
