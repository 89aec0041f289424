import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../electron/sandbox/index';
import { invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import { isValidKsefNumber } from '../../../electron/sandbox/invoices/ksef-number';
import { warsawDateOf } from '../../../electron/sandbox/invoices/warsaw-time';
import { seedReceivedInvoices } from '../../../electron/sandbox/retrieval';
import { ksefPackDir } from '../../helpers/ksef-pack';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping retrieval seeding tests');

const BUYER_NIP = '5265877635';

describe.skipIf(!pack)('sandbox retrieval: seeding received invoices', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-sandbox-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds once per NIP and count across restarts, topping up when the count grows', async () => {
    const stateFile = join(dir, 'state.json');
    const count = async (seedCount: number) => {
      const sandbox = await startSandbox({ stateFile, limits: 'off', seedReceived: [{ nip: BUYER_NIP, count: seedCount }] });
      const stored = Object.values(invoiceArchive(sandbox.deps.store).byKsefNumber);
      await sandbox.close();
      return stored;
    };
    const first = await count(30);
    expect(first).toHaveLength(30);
    expect(await count(30)).toHaveLength(30);
    const grown = await count(45);
    expect(grown).toHaveLength(45);
    expect(grown.map((invoice) => invoice.ksefNumber)).toEqual(expect.arrayContaining(first.map((invoice) => invoice.ksefNumber)));
  });

  it('archives realistic online invoices: valid KSeF numbers, ordered dates on the issue day, seller sender context', async () => {
    const sandbox = await startSandbox({ limits: 'off' });
    try {
      const now = sandbox.deps.clock.now();
      const seeded = seedReceivedInvoices(sandbox.deps, BUYER_NIP, 40, 7);
      expect(seeded).toHaveLength(40);
      for (const invoice of seeded) {
        expect(isValidKsefNumber(invoice.ksefNumber)).toBe(true);
        expect(invoice.ksefNumber.startsWith(invoice.facts.seller.nip)).toBe(true);
        expect(invoice.facts.buyer.identifier).toEqual({ type: 'Nip', value: BUYER_NIP });
        expect(invoice.invoicingMode).toBe('Online');
        expect(warsawDateOf(new Date(invoice.invoicingDate))).toBe(invoice.facts.issueDate);
        expect(invoice.invoicingDate < invoice.acquisitionDate && invoice.acquisitionDate < invoice.permanentStorageDate).toBe(true);
        expect(Date.parse(invoice.permanentStorageDate)).toBeLessThan(now.getTime());
        expect(now.getTime() - Date.parse(invoice.invoicingDate)).toBeLessThan(62 * 86_400_000);
        expect(invoice.senderContext).toEqual({ type: 'Nip', value: invoice.facts.seller.nip });
        expect(invoice.sessionReferenceNumber).toMatch(/^\d{8}-SO-/);
      }
      // The same seed again adds nothing: every invoice would be a duplicate (seller NIP, kind, number).
      expect(seedReceivedInvoices(sandbox.deps, BUYER_NIP, 40, 7)).toHaveLength(0);
    } finally {
      await sandbox.close();
    }
  });
});
