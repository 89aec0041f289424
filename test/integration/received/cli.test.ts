import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import { tuneRetrieval } from '../../../electron/sandbox/retrieval';
import { runCli } from '../../../electron/cli/program';
import { captureOutput } from '../../helpers/capture-output';
import { seedKsefToken } from '../../helpers/sandbox-auth';
import { sandboxNumbersFor } from './arrivals';

const NIP = '5265877635';
const SEEDED = 1500;
const ROOT = path.resolve(__dirname, '../../..');

describe('ksef-desk sync and received list|get|export; the checkpoint survives kill -9', () => {
  let sandbox: RunningSandbox;
  let base: string[];
  let tokenFile: string;
  let work: string;

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = captureOutput();
    try {
      const code = await runCli([...base, ...args]);
      return { code, out: io.out(), err: io.err() };
    } finally {
      vi.restoreAllMocks();
    }
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off', seedReceived: [{ nip: NIP, count: SEEDED }] });
    work = mkdtempSync(path.join(os.tmpdir(), 'cli-received-'));
    tokenFile = path.join(work, 'token');
    writeFileSync(tokenFile, `${seedKsefToken(sandbox, { type: 'Nip', value: NIP }, ['InvoiceRead']).token}\n`);
    base = ['--profile', path.join(work, 'profile'), '--base-url', sandbox.baseUrl];
  }, 120_000);
  afterAll(() => sandbox?.close());

  it('a CLI sync killed with SIGKILL mid-sync keeps what it committed; the next sync completes without doubles', async () => {
    tuneRetrieval(sandbox.deps, { exportInvoiceCap: 150 });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/index.ts'), ...base, 'sync', '--nip', NIP, '--token-file', tokenFile, '--method', 'export'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const killed = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Two packages committed: kill hard, in the middle of whatever comes next.
        const imported = Math.max(0, ...[...stderr.matchAll(/ (\d+) new/g)].map((m) => Number(m[1])));
        if (imported >= 250 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    await killed;
    expect(child.signalCode, stderr).toBe('SIGKILL');

    const afterKill = JSON.parse((await run(['--json', 'received', 'list', '--nip', NIP])).out) as { ksefNumber: string }[];
    expect(afterKill.length).toBeGreaterThanOrEqual(250);
    expect(afterKill.length).toBeLessThan(SEEDED);

    const resumed = await run(['--json', 'sync', '--nip', NIP, '--token-file', tokenFile]);
    expect(resumed.code, resumed.err).toBe(0);
    const summary = JSON.parse(resumed.out) as { imported: number; method: string };
    expect(summary.imported).toBe(SEEDED - afterKill.length);
    expect(resumed.err).toMatch(/sync 5265877635 buyer: /);

    const listed = JSON.parse((await run(['--json', 'received', 'list', '--nip', NIP])).out) as { ksefNumber: string; invoiceNumber: string; sellerNip: string; issueDate: string; grossTotal: string; currency: string }[];
    expect(listed.map((row) => row.ksefNumber).sort()).toEqual(sandboxNumbersFor(sandbox, NIP));
    expect(listed[0]).toEqual(expect.objectContaining({ ksefNumber: expect.any(String), invoiceNumber: expect.any(String), sellerNip: expect.stringMatching(/^\d{10}$/), issueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), grossTotal: expect.stringMatching(/^-?\d+\.\d{2}$/), currency: expect.stringMatching(/^[A-Z]{3}$/) }));
  }, 180_000);

  it('list filters by seller and text, prints CSV; get writes the exact bytes; export writes CSV and ZIP of XMLs', async () => {
    const all = JSON.parse((await run(['--json', 'received', 'list', '--nip', NIP])).out) as { ksefNumber: string; sellerNip: string; invoiceNumber: string }[];
    const sample = all[7]!;
    const bySeller = JSON.parse((await run(['--json', 'received', 'list', '--nip', NIP, '--seller', sample.sellerNip])).out) as { sellerNip: string }[];
    expect(bySeller.length).toBe(all.filter((row) => row.sellerNip === sample.sellerNip).length);
    const byText = JSON.parse((await run(['--json', 'received', 'list', '--q', sample.invoiceNumber])).out) as { ksefNumber: string }[];
    expect(byText.map((row) => row.ksefNumber)).toContain(sample.ksefNumber);

    const csv = await run(['received', 'list', '--nip', NIP, '--seller', sample.sellerNip, '--csv']);
    expect(csv.out.startsWith('\uFEFFNumer KSeF;Numer faktury;')).toBe(true);
    expect(csv.out.trimEnd().split('\r\n')).toHaveLength(bySeller.length + 1);

    const xmlFile = path.join(work, 'one.xml');
    expect((await run(['received', 'get', sample.ksefNumber, '--out', xmlFile])).code).toBe(0);
    expect(readFileSync(xmlFile).equals(invoiceArchive(sandbox.deps.store).byKsefNumber[sample.ksefNumber]!.xml)).toBe(true);

    const zipFile = path.join(work, 'seller.zip');
    const exported = await run(['--json', 'received', 'export', '--nip', NIP, '--seller', sample.sellerNip, '--format', 'zip-xml', '--out', zipFile]);
    expect(exported.code, exported.err).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(zipFile)));
    expect(Object.keys(files)).toHaveLength(bySeller.length);
    for (const [name, bytes] of Object.entries(files)) {
      expect(Buffer.from(bytes).equals(invoiceArchive(sandbox.deps.store).byKsefNumber[name.replace(/\.xml$/, '')]!.xml)).toBe(true);
    }
    const csvFile = path.join(work, 'all.csv');
    expect((await run(['received', 'export', '--nip', NIP, '--format', 'csv', '--out', csvFile])).code).toBe(0);
    expect(readFileSync(csvFile, 'utf8').trimEnd().split('\r\n')).toHaveLength(all.length + 1);
  }, 60_000);
});
