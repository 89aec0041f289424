import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox';
import { createKsefProbe } from '../../../electron/services/outbox/offline/ksef-probe';
import { OutageDetector, type OutageEvent } from '../../../electron/services/outbox/offline/outage-detector';
import { sandboxFaults } from '../../helpers/sandbox-faults';

/** The outage detector against the sandbox's `outage` fault, toggled at /__sandbox/faults, with real HTTP and timers. */
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ limits: 'off' });
});
afterAll(async () => sandbox?.close());

async function setFaults(plan: string | null): Promise<void> {
  if (plan === null) await sandboxFaults(sandbox).clear();
  else await sandboxFaults(sandbox).set(plan);
}

/** One "real" KSeF request as the outbox would make it, reported to the detector. */
async function request(detector: OutageDetector): Promise<number> {
  const response = await fetch(`${sandbox.baseUrl}/auth/challenge`, { method: 'POST' });
  if (response.status >= 500) detector.recordFailure();
  else detector.recordSuccess();
  return response.status;
}

function nextEvent(detector: OutageDetector, type: OutageEvent['type']): Promise<OutageEvent> {
  return new Promise((resolve) => {
    const off = detector.onEvent((event) => {
      if (event.type !== type) return;
      off();
      resolve(event);
    });
  });
}

describe('outage detection against the sandbox', () => {
  it('a single 5xx is not an outage: the probe finds KSeF answering', async () => {
    const detector = new OutageDetector({ now: Date.now, probe: createKsefProbe(async () => sandbox.baseUrl), failureThreshold: 1, minOutageMs: 0 });
    await setFaults('5xx=1@/auth/challenge');
    expect(await request(detector)).toBe(500);
    // The probe asks another endpoint, which answers: no outage.
    await detector.checkNow();
    expect(detector.state()).toMatchObject({ offline: false, consecutiveFailures: 0 });
    detector.stop();
    await setFaults(null);
  });

  it('goes offline in an outage and back when it ends', async () => {
    const detector = new OutageDetector({
      now: Date.now,
      probe: createKsefProbe(async () => sandbox.baseUrl),
      failureThreshold: 3,
      minOutageMs: 300,
      probeIntervalMs: 100,
      maxProbeIntervalMs: 200,
    });
    const started = nextEvent(detector, 'outage-started');
    await setFaults('outage');
    for (let i = 0; i < 3; i += 1) expect(await request(detector)).toBe(503);
    const start = await started;
    expect(detector.state()).toMatchObject({ offline: true, manual: false });
    expect(start).toMatchObject({ type: 'outage-started' });

    const ended = nextEvent(detector, 'outage-ended');
    await setFaults(null);
    const end = await ended;
    expect(detector.state().offline).toBe(false);
    expect(end.type === 'outage-ended' && end.endedAt >= end.startedAt).toBe(true);
    detector.stop();
  });
});
