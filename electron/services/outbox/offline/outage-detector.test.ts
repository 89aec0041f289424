import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { KsefApiError, KsefNetworkError } from '../../ksef';
import { isOutageSignal } from './ksef-probe';
import { OutageDetector, type DetectorTimers, type OutageEvent } from './outage-detector';

/** Virtual clock and timers: `advance` fires due callbacks in order and lets their promises settle. */
class VirtualTime implements DetectorTimers {
  current = Date.parse('2026-03-05T09:00:00Z');
  private pending: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  now = () => this.current;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ at: this.current + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.current = due.at;
      due.callback();
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    }
    this.current = until;
  }
}

function setup(probeAnswers: boolean[]) {
  const time = new VirtualTime();
  const probes: number[] = [];
  const detector = new OutageDetector({
    now: time.now,
    timers: time,
    failureThreshold: 3,
    minOutageMs: 20_000,
    probeIntervalMs: 5_000,
    maxProbeIntervalMs: 20_000,
    probe: async () => {
      probes.push(time.current);
      return probeAnswers.shift() ?? true;
    },
  });
  const events: OutageEvent[] = [];
  detector.onEvent((event) => events.push(event));
  return { time, detector, events, probes };
}

describe('OutageDetector', () => {
  it('does not go offline after one failed request', async () => {
    const { time, detector, events, probes } = setup([]);
    detector.recordFailure();
    await time.advance(120_000);
    expect(detector.state().offline).toBe(false);
    expect(events).toEqual([]);
    expect(probes).toEqual([]);
  });

  it('does not go offline when the failures are followed by a success', async () => {
    const { time, detector, events } = setup([false]);
    detector.recordFailure();
    detector.recordFailure();
    detector.recordSuccess();
    detector.recordFailure();
    await time.advance(60_000);
    expect(events).toEqual([]);
    expect(detector.state().consecutiveFailures).toBe(1);
  });

  it('goes offline after N failures over T seconds confirmed by a failing probe, and back when a probe answers', async () => {
    const { time, detector, events, probes } = setup([false, false, false, true]);
    const start = time.current;
    detector.recordFailure();
    await time.advance(1_000);
    detector.recordFailure();
    detector.recordFailure();
    // Three failures, but only 1 s apart: the detector waits until 20 s after the first, then probes.
    await time.advance(18_000);
    expect(detector.state().offline).toBe(false);
    await time.advance(1_000);
    expect(probes).toEqual([start + 20_000]);
    expect(detector.state()).toMatchObject({ offline: true, manual: false, outageSince: new Date(start).toISOString() });
    expect(events).toEqual([{ type: 'outage-started', startedAt: new Date(start).toISOString() }]);
    // Probes while offline back off: 5 s, 10 s, 20 s.
    await time.advance(35_000);
    expect(probes.map((at) => (at - start) / 1000)).toEqual([20, 25, 35, 55]);
    expect(detector.state().offline).toBe(false);
    expect(events[1]).toEqual({ type: 'outage-ended', startedAt: new Date(start).toISOString(), endedAt: new Date(start + 55_000).toISOString() });
  });

  it('a probe that answers clears the suspicion without an outage', async () => {
    const { time, detector, events } = setup([true]);
    for (let i = 0; i < 5; i += 1) detector.recordFailure();
    await time.advance(25_000);
    expect(events).toEqual([]);
    expect(detector.state().consecutiveFailures).toBe(0);
  });

  it('a successful real request ends an outage at once', async () => {
    const { time, detector, events } = setup([false, false]);
    for (let i = 0; i < 3; i += 1) detector.recordFailure();
    await time.advance(20_000);
    expect(detector.state().offline).toBe(true);
    detector.recordSuccess();
    expect(detector.state().offline).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['outage-started', 'outage-ended']);
  });

  it('the manual switch is independent of detection', async () => {
    const { detector, events } = setup([]);
    detector.setManual(true);
    expect(detector.state()).toMatchObject({ offline: true, manual: true, outageSince: null });
    detector.setManual(false);
    expect(detector.state().offline).toBe(false);
    expect(events).toEqual([{ type: 'manual-changed', manual: true }, { type: 'manual-changed', manual: false }]);
  });

  it('stop() cancels pending probes', async () => {
    const { time, detector, probes } = setup([false]);
    for (let i = 0; i < 3; i += 1) detector.recordFailure();
    detector.stop();
    await time.advance(60_000);
    expect(probes).toEqual([]);
  });
});

describe('isOutageSignal', () => {
  it('counts network errors and 5xx, not refusals', () => {
    expect(isOutageSignal(new KsefNetworkError('ECONNREFUSED', 'refused', false))).toBe(true);
    expect(isOutageSignal(new KsefApiError({ httpStatus: 503 }))).toBe(true);
    expect(isOutageSignal(new KsefApiError({ httpStatus: 400, exceptionCodes: [21405] }))).toBe(false);
    expect(isOutageSignal(new KsefApiError({ httpStatus: 429 }))).toBe(false);
    expect(isOutageSignal(new AppError('NETWORK_ERROR', 'x', ['network:ECONNRESET']))).toBe(true);
    expect(isOutageSignal(new AppError('KSEF_UNAVAILABLE', 'x', ['http:503']))).toBe(true);
    expect(isOutageSignal(new AppError('KSEF_UNAVAILABLE', 'x', ['operation:auth', 'status:500']))).toBe(false);
    expect(isOutageSignal(new AppError('KSEF_REJECTED', 'x', ['http:400']))).toBe(false);
    expect(isOutageSignal(new Error('other'))).toBe(false);
  });
});
