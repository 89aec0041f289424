import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InvoiceMetadata } from '../ksef/api/invoices-models';
import { openDatabase } from '../storage/database';
import { ALL_MIGRATIONS } from '../storage/migrations';
import { ReceivedArchive } from './archive';

const NIP = '5265877635';

function invoice(n: number, overrides: { xml?: string; gross?: number; currency?: string; seller?: string; line?: string } = {}) {
  const xml = Buffer.from(
    overrides.xml ??
      `<?xml version="1.0" encoding="UTF-8"?><Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"><Fa><P_2>FV/${n}</P_2><FaWiersz><P_7>${overrides.line ?? 'Usługa księgowa'} &amp; doradztwo</P_7></FaWiersz></Fa></Faktura>`,
  );
  const metadata: InvoiceMetadata = {
    ksefNumber: `5265877635-20260101-${String(n).padStart(12, '0')}-AB`,
    invoiceNumber: `FV/${n}`,
    issueDate: `2026-01-${String((n % 28) + 1).padStart(2, '0')}`,
    invoicingDate: '2026-01-01T10:00:00.000Z',
    acquisitionDate: '2026-01-01T10:00:01.000Z',
    permanentStorageDate: '2026-01-01T10:00:02.000Z',
    seller: { nip: overrides.seller ?? '7352765225', name: 'Biuro Rachunkowe Żółw' },
    buyer: { identifier: { type: 'Nip', value: NIP }, name: 'Kupiec' },
    netAmount: 100.1,
    vatAmount: 23.02,
    grossAmount: overrides.gross ?? 123.12,
    currency: overrides.currency ?? 'PLN',
    invoicingMode: 'Online',
    invoiceType: 'Vat',
    formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
    isSelfInvoicing: false,
    hasAttachment: false,
    invoiceHash: createHash('sha256').update(xml).digest('base64'),
  };
  return { metadata, xml };
}

function freshArchive() {
  const db = openDatabase(':memory:', ALL_MIGRATIONS);
  return { db, archive: new ReceivedArchive(() => db) };
}

describe('received archive', () => {
  it('stores rows, exact XML bytes and search text; dedupes by KSeF number; sums exactly per currency', () => {
    const { archive } = freshArchive();
    const first = archive.import({ companyNip: NIP, subject: 'buyer', items: [invoice(1), invoice(2, { currency: 'EUR', gross: 10.01 })], checkpoint: 'c1' });
    expect(first).toEqual({ imported: 2, duplicates: 0 });
    const again = archive.import({ companyNip: NIP, subject: 'buyer', items: [invoice(1), invoice(3, { gross: 0.1 })], checkpoint: 'c2' });
    expect(again).toEqual({ imported: 1, duplicates: 1 });
    expect(archive.checkpoint(NIP, 'buyer')).toBe('c2');
    const page = archive.list({ filter: { companyNip: NIP } });
    expect(page.total).toBe(3);
    expect(archive.xml(page.rows[0]!.id).equals(invoice(3, { gross: 0.1 }).xml)).toBe(true);
    expect(archive.totals({ companyNip: NIP })).toEqual([
      { currency: 'PLN', count: 2, net: '200.20', vat: '46.04', gross: '123.22' },
      { currency: 'EUR', count: 1, net: '100.10', vat: '23.02', gross: '10.01' },
    ]);
    expect(archive.list({ filter: { q: 'ksiegowa doradz' } }).total).toBe(3);
    expect(archive.list({ filter: { q: 'żółw' } }).total).toBe(3);
    expect(archive.list({ filter: { q: 'FV/2' } }).rows.map((row) => row.invoiceNumber)).toEqual(['FV/2']);
    expect(archive.list({ filter: { grossFrom: '100', grossTo: '200,00' } }).total).toBe(1);
    expect(archive.list({ filter: { q: '"unbalanced OR (' } }).total).toBe(0);
  });

  it('refuses a batch with a corrupt or foreign file as a whole: no row, no XML, no search text, no checkpoint', () => {
    const { db, archive } = freshArchive();
    archive.import({ companyNip: NIP, subject: 'buyer', items: [invoice(1)], checkpoint: 'before' });
    const corrupt = invoice(5);
    corrupt.xml = Buffer.concat([corrupt.xml, Buffer.from(' ')]);
    expect(() => archive.import({ companyNip: NIP, subject: 'buyer', items: [invoice(4), corrupt], checkpoint: 'after' })).toThrow(
      expect.objectContaining({ code: 'CORRUPT_FILE' }),
    );
    const foreign = invoice(6, { xml: '<Potwierdzenie>UPO</Potwierdzenie>' });
    expect(() => archive.import({ companyNip: NIP, subject: 'buyer', items: [invoice(7), foreign], checkpoint: 'after' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }),
    );
    const counts = ['received_invoice', 'received_xml', 'received_fts'].map((table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    expect(counts).toEqual([1, 1, 1]);
    expect(archive.checkpoint(NIP, 'buyer')).toBe('before');
  });

  it('tracks read/booked/paid state with a note, and counts new invoices since the last look', () => {
    const { archive } = freshArchive();
    archive.import({ companyNip: NIP, subject: 'buyer', items: [invoice(1), invoice(2)] });
    expect(archive.unseen()).toEqual([{ companyNip: NIP, unseen: 2 }]);
    archive.markSeen(NIP);
    archive.import({ companyNip: NIP, subject: 'buyer', items: [invoice(3)] });
    expect(archive.unseen()).toEqual([{ companyNip: NIP, unseen: 1 }]);
    const [row] = archive.list({ filter: { companyNip: NIP }, sort: { field: 'invoiceNumber', direction: 'asc' } }).rows;
    archive.markRead([row!.id], true);
    const booked = archive.setState(row!.id, { booked: true, note: '  zaksięgowano w styczniu ' });
    expect(booked).toMatchObject({ read: true, note: 'zaksięgowano w styczniu', paidAt: null });
    expect(booked.bookedAt).not.toBeNull();
    expect(archive.list({ filter: { read: 'unread' } }).total).toBe(2);
    expect(archive.list({ filter: { booked: true } }).rows.map((r) => r.id)).toEqual([row!.id]);
  });
});
