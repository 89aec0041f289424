// `npm run bench -- received [--sync N] [--archive N] [--browser]`: received invoices — a sync from the sandbox with the official
// rate limits on (wall time, requests, 429s, peak memory) and archive search over N synthetic invoices (p50/p95).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createKsefToken } from '../../electron/sandbox/auth/ksef-token-store';
import { startSandbox } from '../../electron/sandbox/index';
import { buildKsefNumber } from '../../electron/sandbox/invoices/ksef-number';
import { createKsefClient } from '../../electron/services/ksef';
import { KsefInvoicesApi } from '../../electron/services/ksef/api/invoices';
import type { InvoiceMetadata } from '../../electron/services/ksef/api/invoices-models';
import { ReceivedArchive } from '../../electron/services/received/archive';
import { syncReceived } from '../../electron/services/received/sync-engine';
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/services/storage/database';
import { ALL_MIGRATIONS } from '../../electron/services/storage/migrations';
import type { ReceivedFilter } from '../../shared/ipc/channels/received';

const NIP = '5265877635';

function peakMemory(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function benchSync(count: number): Promise<void> {
  const seedStart = performance.now();
  const sandbox = await startSandbox({ limits: 'official', seedReceived: [{ nip: NIP, count }], log: () => undefined });
  console.log(`sandbox seeded with ${count} received invoices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (not part of the sync)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-received-'));
  try {
    let requests = 0;
    let rateLimited = 0;
    const client = createKsefClient({
      baseUrl: sandbox.baseUrl,
      onExchange: (exchange) => {
        requests++;
        if (exchange.response === undefined && String(exchange.error).includes('429')) rateLimited++;
      },
      onSchedulerEvent: (event) => {
        if (event.type === 'rate-limited') rateLimited++;
      },
    });
    const token = createKsefToken(sandbox.deps.store, { context: { type: 'Nip', value: NIP }, author: { type: 'Nip', value: NIP }, permissions: ['InvoiceRead'], description: 'bench' }, new Date());
    const session = await client.auth.loginWithKsefToken({ context: { type: 'Nip', value: NIP }, token: token.token });
    const db = openDatabase(path.join(dir, DATABASE_FILE_NAME), ALL_MIGRATIONS);
    const memory = peakMemory();
    const before = requests;
    const start = performance.now();
    const summary = await syncReceived({ companyNip: NIP, subject: 'buyer', api: new KsefInvoicesApi(session, client.publicKeys), archive: new ReceivedArchive(() => db), time: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) } });
    const seconds = (performance.now() - start) / 1000;
    console.log(`sync of ${summary.imported} invoices (${summary.method}), official limits: ${seconds.toFixed(1)} s, ${requests - before} requests, ${rateLimited} × 429, peak RSS ${mb(memory.stop())}`);
    db.close();
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const WORDS = ['Usługa', 'księgowa', 'transport', 'paliwo', 'serwis', 'licencja', 'szkolenie', 'materiały', 'czynsz', 'energia'];
const SELLERS = Array.from({ length: 400 }, (_, i) => ({ nip: String(1110000000 + i * 7919), name: `Firma ${WORDS[i % WORDS.length]} ${i} Sp. z o.o.` }));

function synthetic(index: number): { metadata: InvoiceMetadata; xml: Buffer } {
  const seller = SELLERS[index % SELLERS.length]!;
  const day = new Date(Date.UTC(2025, 0, 1) + (index % 700) * 86_400_000).toISOString().slice(0, 10);
  const xml = Buffer.from(`<Faktura><Fa><P_2>FV/${index}</P_2><FaWiersz><P_7>${WORDS[index % 10]} ${WORDS[(index * 7) % 10]} nr ${index}</P_7></FaWiersz></Fa></Faktura>`);
  const net = ((index * 37) % 100_000) + 0.5;
  return {
    xml,
    metadata: {
      ksefNumber: buildKsefNumber(seller.nip, new Date(`${day}T10:00:00Z`), index.toString(16).toUpperCase().padStart(12, '0')),
      invoiceNumber: `FV/${index}/${day.slice(0, 4)}`,
      issueDate: day,
      invoicingDate: `${day}T10:00:00.000Z`,
      acquisitionDate: `${day}T10:00:01.000Z`,
      permanentStorageDate: `${day}T10:00:02.000Z`,
      seller,
      buyer: { identifier: { type: 'Nip', value: NIP }, name: 'Bench' },
      netAmount: net,
      vatAmount: Math.round(net * 23) / 100,
      grossAmount: Math.round(net * 123) / 100,
      currency: index % 9 === 0 ? 'EUR' : 'PLN',
      invoicingMode: 'Online',
      invoiceType: index % 11 === 0 ? 'Kor' : 'Vat',
      formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
      invoiceHash: createHash('sha256').update(xml).digest('base64'),
    },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function fillArchive(archive: ReceivedArchive, count: number): void {
  const start = performance.now();
  for (let offset = 0; offset < count; offset += 5_000) {
    archive.import({ companyNip: NIP, subject: 'buyer', items: Array.from({ length: Math.min(5_000, count - offset) }, (_, i) => synthetic(offset + i)) });
  }
  console.log(`archive: ${count} invoices imported in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

function benchArchive(count: number, keepProfile: string | null): void {
  const dir = keepProfile ?? mkdtempSync(path.join(os.tmpdir(), 'bench-archive-'));
  const db = openDatabase(path.join(dir, DATABASE_FILE_NAME), ALL_MIGRATIONS);
  const archive = new ReceivedArchive(() => db);
  try {
    fillArchive(archive, count);
    const cases: [string, (i: number) => void][] = [
      ['first page, newest first', () => archive.list({ filter: { companyNip: NIP }, limit: 100 })],
      ['page 500 (offset 50 000)', () => archive.list({ filter: { companyNip: NIP }, limit: 100, offset: 50_000 })],
      ['search one word', (i) => archive.list({ filter: { companyNip: NIP, q: WORDS[i % 10]! }, limit: 100 })],
      ['search two words', (i) => archive.list({ filter: { companyNip: NIP, q: `${WORDS[i % 10]} ${WORDS[(i + 3) % 10]}` }, limit: 100 })],
      ['search invoice number', (i) => archive.list({ filter: { companyNip: NIP, q: `FV/${i * 97}/` }, limit: 100 })],
      ['seller + gross range, by gross', (i) => archive.list({ filter: { companyNip: NIP, sellerNip: SELLERS[i % 400]!.nip, grossFrom: '1000', grossTo: '50000' }, limit: 100, sort: { field: 'gross', direction: 'desc' } })],
      ['badges (new since last look)', () => archive.unseen()],
      ['totals of everything', () => archive.totals({ companyNip: NIP })],
      ['totals of a date range', (i) => archive.totals({ companyNip: NIP, issueFrom: `2025-0${(i % 9) + 1}-01`, issueTo: '2025-12-31' } satisfies ReceivedFilter)],
    ];
    for (const [name, run] of cases) {
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        run(i);
        times.push(performance.now() - t0);
      }
      console.log(`  ${name.padEnd(34)} p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms`);
    }
  } finally {
    db.close();
    if (!keepProfile) rmSync(dir, { recursive: true, force: true });
  }
}

/** Browser mode on a profile holding the archive: time from opening Received to the first grid rows (built app). */
async function benchFirstRows(profileDir: string): Promise<void> {
  const child = spawn(process.execPath, [path.join('dist', 'cli.mjs'), '--profile', profileDir, '--json', 'start', '--web'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /"url":\s*"([^"]+)"/.exec(text);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
    });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      await page.goto(url);
      await page.getByTestId('nav-issue').waitFor();
      const start = performance.now();
      await page.getByTestId('nav-received').click();
      await page.locator('[data-testid="received-grid"] .MuiDataGrid-row').first().waitFor({ timeout: 60_000 });
      console.log(`browser: first rows of the grid over the archive in ${(performance.now() - start).toFixed(0)} ms (Chromium, click to rows)`);
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
}

export async function benchReceived(argv: string[]): Promise<void> {
  const option = (name: string, fallback: number) => {
    const index = argv.indexOf(name);
    const value = index === -1 ? fallback : Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
    return value;
  };
  const archiveCount = option('--archive', 100_000);
  const syncCount = option('--sync', 10_000);
  // `--browser` (needs `npm run build` and Chromium): the archive is built in a profile that browser mode then opens.
  const browserProfile = argv.includes('--browser') && archiveCount > 0 ? mkdtempSync(path.join(os.tmpdir(), 'bench-received-profile-')) : null;
  try {
    if (archiveCount > 0) benchArchive(archiveCount, browserProfile);
    if (browserProfile) await benchFirstRows(browserProfile);
  } finally {
    if (browserProfile) rmSync(browserProfile, { recursive: true, force: true });
  }
  if (syncCount > 0) await benchSync(syncCount);
}
