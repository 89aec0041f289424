import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestInvoice } from '../../../electron/sandbox/sessions/client-kit';
import { warsawDate } from '../../../shared/domain/business-days';
import { SELLER_NIP, startOfflineWorld, type OfflineWorld } from './support';

let world: OfflineWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64');

describe('technical correction against the sandbox', () => {
  it('an offline invoice rejected for a technical fault is corrected once, online, with hashOfCorrectedInvoice', { timeout: 120_000 }, async () => {
    const w = (world = await startOfflineWorld());
    const good = buildTestInvoice({ sellerNip: SELLER_NIP, invoiceNumber: 'TK/1', issueDate: warsawDate(new Date()) }).toString('utf8');
    // KSeF refuses processing instructions (PROTOCOL §8): a technical fault, the content is fine.
    const faulty = Buffer.from(good.replace('<Naglowek>', '<?program wersja="1"?><Naglowek>'));

    w.coordinator.setManual(true);
    const original = await w.outbox.enqueue({ xml: faulty, origin: 'imported' });
    expect(original.state).toBe('offline');
    w.coordinator.setManual(false);
    await w.outbox.sendPending();
    const rejected = w.store.get(original.id);
    expect(rejected).toMatchObject({ state: 'rejected', offlineMode: true });
    expect(rejected?.error?.code).toBe('430');

    expect(await w.corrections.preview(original.id, good)).toEqual({ allowed: true, differences: [] });
    const correction = await w.corrections.send(original.id, good, false);
    await w.outbox.sendPending();
    expect(w.store.get(correction.id)).toMatchObject({ state: 'accepted', offlineMode: true });
    const [stored] = w.inSandbox('TK/1');
    expect(stored).toMatchObject({ invoicingMode: 'Offline', hashOfCorrectedInvoice: sha256(faulty), invoiceHash: sha256(good) });

    // A second correction is refused here already…
    const again = good.replace('<Naglowek>', '<Naglowek>\n');
    expect(await w.corrections.preview(original.id, again)).toMatchObject({ allowed: false, refusal: 'ALREADY_CORRECTED' });
    await expect(w.corrections.send(original.id, again, false)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('KSeF itself refuses a second accepted correction (21166), and the outbox shows it', { timeout: 120_000 }, async () => {
    const w = (world = await startOfflineWorld());
    const good = buildTestInvoice({ sellerNip: SELLER_NIP, invoiceNumber: 'TK/2', issueDate: warsawDate(new Date()) }).toString('utf8');
    const faulty = Buffer.from(good.replace('<Naglowek>', '<?x?><Naglowek>'));
    w.coordinator.setManual(true);
    const original = await w.outbox.enqueue({ xml: faulty, origin: 'imported' });
    w.coordinator.setManual(false);
    await w.outbox.sendPending();
    await w.corrections.send(original.id, good, false);
    await w.outbox.sendPending();
    // Past the local check, straight through the outbox: KSeF answers 21166.
    const { id } = await w.correctionPort.sendTechnicalCorrection(original.id, Buffer.from(good.replace('<Naglowek>', '<Naglowek> ')), sha256(faulty));
    await w.outbox.sendPending();
    const second = w.store.get(id);
    expect(second?.state).toBe('rejected');
    expect(JSON.stringify(second?.error)).toContain('21166');
    expect(w.inSandbox('TK/2')).toHaveLength(1);
  });
});
