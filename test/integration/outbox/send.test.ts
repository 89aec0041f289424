import { afterEach, describe, expect, it } from 'vitest';
import { buildTestInvoice } from '../../../electron/sandbox/sessions/client-kit';
import { invoices, SELLER_NIP, startOutboxWorld, type OutboxWorld } from './support';

let world: OutboxWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function sendAll(w: OutboxWorld, list: { number: string; xml: Buffer }[], mode: 'online' | 'batch') {
  for (const invoice of list) await w.outbox.enqueue({ xml: invoice.xml, origin: 'imported', fileName: `${invoice.number}.xml` });
  w.outbox.setMode(mode);
  await w.outbox.sendPending();
  return w.store.list({ limit: 10_000, offset: 0 }).items;
}

describe('outbox sending against the sandbox', () => {
  for (const mode of ['online', 'batch'] as const) {
    for (const count of [1, 10, 1000]) {
      it(`${mode}: ${count} invoice(s) end accepted with KSeF numbers and UPO, each once in KSeF`, { timeout: 180_000 }, async () => {
        world = await startOutboxWorld();
        const items = await sendAll(world, invoices(`${mode.toUpperCase()}-${count}`, count), mode);
        expect(items).toHaveLength(count);
        expect(items.every((item) => item.state === 'accepted' && item.ksefNumber?.startsWith(SELLER_NIP))).toBe(true);
        expect(items.every((item) => item.hasUpo)).toBe(true);
        const inSandbox = world.acceptedInSandbox();
        expect(inSandbox.size).toBe(count);
        expect([...inSandbox.values()].every((n) => n === 1)).toBe(true);
        const sample = items[0];
        if (!sample) throw new Error('no item');
        expect(world.outbox.upo(sample.id)?.xml).toContain(sample.ksefNumber);
        expect(world.outbox.get(sample.id).timeline.map((entry) => entry.state)).toEqual(['queued', 'sending', 'accepted']);
      });
    }
  }

  it('picks online for a few and batch for many unless overridden', async () => {
    world = await startOutboxWorld();
    for (const invoice of invoices('PLAN', 6)) await world.outbox.enqueue({ xml: invoice.xml, origin: 'imported' });
    expect(world.outbox.plan()).toMatchObject({ pending: 6, mode: 'batch', automatic: true });
    expect(world.outbox.setMode('online')).toMatchObject({ mode: 'online', automatic: false });
  });

  it('the same bytes enqueued twice are one invoice', async () => {
    world = await startOutboxWorld();
    const [invoice] = invoices('TWICE', 1);
    if (!invoice) throw new Error('no invoice');
    const first = await world.outbox.enqueue({ xml: invoice.xml, origin: 'imported' });
    const second = await world.outbox.enqueue({ xml: invoice.xml, origin: 'imported' });
    expect(second.id).toBe(first.id);
  });

  it("a rejected invoice keeps KSeF's code and reason, and can be fixed and resent", async () => {
    world = await startOutboxWorld();
    await sendAll(world, [{ number: 'DUP/1', xml: buildTestInvoice({ sellerNip: SELLER_NIP, invoiceNumber: 'DUP/1', issueDate: '2026-01-02' }) }], 'online');
    // Other bytes, same seller + kind + number: KSeF's duplicate rule (440).
    const clash = await world.outbox.enqueue({ xml: buildTestInvoice({ sellerNip: SELLER_NIP, invoiceNumber: 'DUP/1', issueDate: '2026-01-03' }), origin: 'imported' });
    await world.outbox.sendPending();
    const rejected = world.outbox.get(clash.id);
    expect(rejected.state).toBe('rejected');
    expect(rejected.error?.code).toBe('440');
    expect(rejected.error?.description.length).toBeGreaterThan(0);
    // The UI words the code (renderer/i18n/outbox.{pl,en}.ts, checked in outbox.test.ts) and shows KSeF's text beside it.

    await world.outbox.resend(clash.id, buildTestInvoice({ sellerNip: SELLER_NIP, invoiceNumber: 'DUP/2', issueDate: '2026-01-03' }));
    await world.outbox.sendPending();
    const fixed = world.outbox.get(clash.id);
    expect(fixed.state).toBe('accepted');
    expect(fixed.invoiceNumber).toBe('DUP/2');
    expect(fixed.timeline.map((entry) => entry.state)).toEqual(['queued', 'sending', 'rejected', 'queued', 'sending', 'accepted']);
  });

  it('refuses a file that is not FA(3), naming the line', async () => {
    world = await startOutboxWorld();
    const result = await world.outbox.tryEnqueue({ xml: Buffer.from('<?xml version="1.0"?>\n<Faktura>\n<Fa></Faktura>'), origin: 'imported' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.line).toBe(3);
  });
});
