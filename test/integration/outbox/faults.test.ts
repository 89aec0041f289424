import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultPlan } from '../../../electron/sandbox/faults/plan';
import { invoices, startOutboxWorld, type OutboxWorld } from './support';

let world: OutboxWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Sends until nothing waits, as the app does (each failed round is picked up by the next one). */
async function sendUntilSettled(w: OutboxWorld, maxRounds = 15): Promise<number> {
  let failedRounds = 0;
  for (let round = 0; round < maxRounds; round++) {
    try {
      await w.outbox.sendPending();
    } catch {
      failedRounds++;
    }
    const counts = w.store.counts();
    if (counts.queued === 0 && counts.sending === 0) break;
  }
  return failedRounds;
}

const PLANS = {
  '429 storm': 'seed=3;429storm=0.5:1s@/sessions/*',
  '5xx': 'seed=5;5xx=0.3@/sessions/*',
  'dropped connections': 'seed=7;drop=0.25@/sessions/*',
};

describe('sending through KSeF faults (sandbox fault plan)', () => {
  for (const [name, plan] of Object.entries(PLANS)) {
    for (const mode of ['online', 'batch'] as const) {
      it(`${name}, ${mode}: every invoice ends accepted exactly once`, { timeout: 240_000 }, async () => {
        world = await startOutboxWorld();
        const list = invoices(`FAULT-${name.replace(/\W/g, '')}-${mode}`, mode === 'online' ? 5 : 12);
        for (const invoice of list) await world.outbox.enqueue({ xml: invoice.xml, origin: 'imported' });
        world.outbox.setMode(mode);
        world.harness.sandbox.faults.setPlan(parseFaultPlan(plan));
        const failedRounds = await sendUntilSettled(world);
        const weathered = world.harness.events.filter((event) => event.type === 'retry' || event.type === 'rate-limited').length;
        expect(failedRounds + weathered).toBeGreaterThan(0); // the faults did hit the send
        world.harness.sandbox.faults.clear();
        await sendUntilSettled(world);
        const items = world.store.list({ limit: 100, offset: 0 }).items;
        expect(items.map((item) => item.state)).toEqual(list.map(() => 'accepted'));
        const counts = world.acceptedInSandbox();
        expect(counts.size).toBe(list.length);
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
      });
    }
  }
});
