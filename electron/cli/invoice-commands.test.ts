import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../test/helpers/capture-output';
import { randomInvoice } from '../services/invoices/testing/random-invoice';
import { readInvoiceXml, writeInvoiceXml } from '../services/invoices/xml';
import { runCli } from './program';

const work = mkdtempSync(path.join(os.tmpdir(), 'cli-invoice-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const example = {
  kind: 'VAT',
  number: 'FV/1/02/2026',
  issueDate: '2026-02-02',
  currency: 'PLN',
  seller: { nip: '5265877635', name: 'Elektrownia S.A.', address: { countryCode: 'PL', line1: 'ul. Kwiatowa 1' } },
  buyer: { identifier: { type: 'NIP', value: '7352765225' }, name: 'Szkoła Testowa' },
  thirdParties: [{ identifier: { type: 'NIP', value: '9795075130' }, name: 'Odbiorca', role: '2' }],
  lines: [
    { name: 'Usługa serwisowa', unit: 'h', quantity: '2', unitNetPrice: '150.00', rate: '23' },
    { name: 'Książka', quantity: '1', unitGrossPrice: '52.50', rate: '5' },
  ],
};

async function run(args: string[]) {
  const io = captureOutput();
  const code = await runCli(args);
  const result = { code, out: io.out(), err: io.err() };
  vi.restoreAllMocks();
  return result;
}

describe('ksef-desk invoice new / show', () => {
  it('new writes FA(3) XML from the JSON model, computing line values and totals', async () => {
    const from = path.join(work, 'invoice.json');
    const out = path.join(work, 'invoice.xml');
    writeFileSync(from, JSON.stringify(example));
    const result = await run(['--json', 'invoice', 'new', '--from', from, '--out', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ out, number: 'FV/1/02/2026', grossTotal: '421.50' });
    const read = readInvoiceXml(readFileSync(out));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.invoice.lines.map((line) => [line.netTotal, line.grossTotal])).toEqual([
      ['300.00', undefined],
      [undefined, '52.50'],
    ]);
    // 300 × 23 % = 69; 52.50 × 5/105 = 2.50.
    expect(read.invoice.summary).toEqual({ buckets: { '1': { net: '300.00', vat: '69.00' }, '3': { net: '50.00', vat: '2.50' } }, gross: '421.50' });
  });

  it('show --json prints the parsed invoice with the agreed fields', async () => {
    const file = path.join(work, 'shown.xml');
    const invoice = { ...randomInvoice(11, 'KOR'), thirdParties: [{ identifier: { type: 'NIP' as const, value: '9795075130' }, name: 'P3', role: '4' as const }] };
    writeFileSync(file, writeInvoiceXml(invoice));
    const result = await run(['--json', 'invoice', 'show', file]);
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.out);
    expect(shown).toMatchObject({
      kind: 'KOR',
      number: invoice.number,
      issueDate: invoice.issueDate,
      currency: invoice.currency,
      seller: { nip: invoice.seller.nip, name: invoice.seller.name },
      buyer: { identifier: { type: invoice.buyer.identifier.type } },
      thirdParties: [{ name: 'P3', role: '4', identifier: { type: 'NIP', value: '9795075130' } }],
    });
    expect(shown.lines).toHaveLength(invoice.lines.length);
    for (const line of shown.lines) {
      expect(typeof line.name).toBe('string');
      expect(line.grossTotal).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(shown.correction.corrected[0].number).toBe(invoice.correction?.corrected[0]?.number);
  });

  it('show without --json prints a readable summary', async () => {
    const file = path.join(work, 'readable.xml');
    writeFileSync(file, writeInvoiceXml(randomInvoice(12, 'VAT')));
    const result = await run(['invoice', 'show', file]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('VAT ');
    expect(result.out).toContain('Lines:');
    expect(result.out).toMatch(/Total gross: -?\d+\.\d{2}/);
  });

  it('reports read errors and invalid JSON with codes and field paths', async () => {
    const empty = path.join(work, 'empty.xml');
    writeFileSync(empty, '');
    const emptyResult = await run(['--json', 'invoice', 'show', empty]);
    expect(emptyResult.code).toBe(1);
    expect(JSON.parse(emptyResult.err).error.code).toBe('EMPTY_FILE');

    const bad = path.join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...example, lines: [{ name: 'x', rate: '24' }], seller: { ...example.seller, nip: '12' } }));
    const badResult = await run(['invoice', 'new', '--from', bad, '--out', path.join(work, 'never.xml')]);
    expect(badResult.code).toBe(1);
    expect(badResult.err).toContain('lines.0.rate');
    expect(badResult.err).toContain('seller.nip');

    const badExtra = path.join(work, 'bad-extra.json');
    writeFileSync(badExtra, JSON.stringify({ ...example, extra: [{ name: 'Nieznany', text: 'x' }] }));
    const extraResult = await run(['invoice', 'new', '--from', badExtra, '--out', path.join(work, 'never.xml')]);
    expect(extraResult.code).toBe(1);
    expect(extraResult.err).toContain('/Faktura/Fa/Nieznany');

    const notJson = path.join(work, 'not.json');
    writeFileSync(notJson, '{ nope');
    expect((await run(['invoice', 'new', '--from', notJson, '--out', path.join(work, 'never.xml')])).err).toContain('not valid JSON');
  });
});
