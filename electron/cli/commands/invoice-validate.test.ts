import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../../test/helpers/capture-output';
import { generateReceivedInvoices } from '../../sandbox/invoices/seed';
import { runCli } from '../program';

afterEach(() => vi.restoreAllMocks());

const [first, second] = generateReceivedInvoices('5265877635', 2, 11, { from: '2026-01-05', to: '2026-02-02' }).map((g) => g.xml.toString('utf8'));

function files(contents: Record<string, string>): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-validate-'));
  return Object.entries(contents).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}

describe('ksef-desk invoice validate', () => {
  it('exits 0 when every file is valid', async () => {
    const io = captureOutput();
    expect(await runCli(['invoice', 'validate', ...files({ 'a.xml': first ?? '', 'b.xml': second ?? '' })])).toBe(0);
    expect(io.out()).toContain('2 files are valid FA(3)');
    expect(io.err()).toBe('');
  });

  it('exits 1 with FILE:LINE: path: message per error on stderr', async () => {
    const broken = (first ?? '').replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-02-31</P_1>');
    const p1Line = broken.slice(0, broken.indexOf('<P_1>')).split('\n').length;
    const [good, bad] = files({ 'good.xml': second ?? '', 'bad.xml': broken });
    const io = captureOutput();
    expect(await runCli(['invoice', 'validate', good ?? '', bad ?? ''])).toBe(1);
    const lines = io.err().trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${bad?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${p1Line}: /Faktura/Fa/P_1: Element 'P_1': '2026-02-31' is not a valid value`));
    expect(lines.at(-1)).toBe('Error: 1 of 2 files are not valid FA(3)');
    expect(io.err()).not.toContain('good.xml');
  });

  it('prints the verdicts as JSON with --json', async () => {
    const [bad] = files({ 'bom.xml': `\uFEFF${first ?? ''}` });
    const io = captureOutput();
    expect(await runCli(['--json', 'invoice', 'validate', bad ?? ''])).toBe(1);
    expect(JSON.parse(io.out())).toEqual([
      { file: bad, valid: false, errors: [expect.objectContaining({ code: 'BOM', line: 1, messagePl: expect.stringContaining('BOM') })] },
    ]);
    expect(io.err()).toContain(`${bad}:1: The document must be UTF-8 without a byte order mark (BOM).`);
  });
});
