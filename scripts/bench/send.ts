// `npm run bench -- send [--count N]`: (a) the app's batch preparation (model → FA(3) XML → streamed zip →
// AES parts → hashes), (b) the same invoices through ksef-client-ts 0.10.0's batch preparation, (c) sending
// them to the sandbox with the official rate limits on. Prints figures; asserts nothing.
import 'reflect-metadata';
import { X509Certificate } from 'node:crypto';
import { createTestCertificate } from '../../electron/services/certificates/test-certificate';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BatchFileBuilder, CryptographyService, buildFakturaXml, createZip, xmlToObject, type CertificateFetcher, type FakturaInput } from 'ksef-client-ts';
import type { Invoice } from '../../shared/domain/invoice/model';
import { randomInvoice } from '../../electron/services/invoices/testing/random-invoice';
import { writeInvoiceXml } from '../../electron/services/invoices/xml';
import { generateSymmetricKey } from '../../electron/services/ksef/encryption';
import { buildBatchPackage, type BatchFile, type PartSink } from '../../electron/services/outbox/batch-package';
import { benchSend } from './send-sandbox';

const SELLER_NIP = '5265877635';
const TEMPLATES: Invoice[] = Array.from({ length: 16 }, (_, index) => ({
  ...randomInvoice(1000 + index, 'VAT'),
  issueDate: '2026-01-02',
  seller: { ...randomInvoice(1000 + index, 'VAT').seller, nip: SELLER_NIP },
}));

/** Invoice `index` of the run: a template with its own number (the duplicate key must differ). */
export function benchInvoice(index: number): Invoice {
  const template = TEMPLATES[index % TEMPLATES.length] as Invoice;
  return { ...template, number: `BENCH/${index + 1}/2026` };
}

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function* appFiles(count: number): Generator<BatchFile> {
  for (let index = 0; index < count; index++) {
    if (index % 500 === 0) sampleRss();
    yield { name: `${index + 1}.xml`, xml: Buffer.from(writeInvoiceXml(benchInvoice(index), { now: () => new Date('2026-01-02T08:00:00Z') }), 'utf8') };
  }
}

/** Counts encrypted bytes; a real send writes them to part files (FilePartSink) — same work for the CPU. */
class CountingSink implements PartSink {
  bytes = 0;
  write(_ordinal: number, chunk: Buffer): void {
    this.bytes += chunk.length;
  }
  end(): void {}
}

function benchApp(count: number): { perSecond: number; cpuPerSecond: number; startRss: number; peakRss: number; zipBytes: number; parts: number } {
  global.gc?.();
  const startRss = process.memoryUsage().rss;
  peakRss = startRss;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const pkg = buildBatchPackage(appFiles(count), generateSymmetricKey(), new CountingSink());
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  sampleRss();
  return { perSecond: (count / ms) * 1000, cpuPerSecond: (count / (used.user + used.system)) * 1e6, startRss, peakRss, zipBytes: pkg.fileSize, parts: pkg.parts.length };
}

/** ksef-client-ts needs the MF certificate only to wrap the AES key; a local RSA certificate does the same work. */
async function localFetcher(): Promise<CertificateFetcher> {
  const certificate = await createTestCertificate({ kind: 'seal', nip: SELLER_NIP, organizationName: 'Bench', commonName: 'Bench' }, 'rsa', new Date());
  const pem = new X509Certificate(certificate.certificateDer).toString();
  return { getSymmetricKeyEncryption: () => ({ pem, publicKeyId: 'bench' }) } as unknown as CertificateFetcher;
}

async function benchKsefClientTs(count: number): Promise<{ perSecond: number; peakRss: number }> {
  // Their input is an object tree; converting our XML to it is setup, not timed.
  const inputs: FakturaInput[] = [];
  for (let index = 0; index < count; index++) {
    const xml = writeInvoiceXml(benchInvoice(index), { now: () => new Date('2026-01-02T08:00:00Z') });
    inputs.push((xmlToObject(xml) as unknown as { object: FakturaInput }).object);
  }
  global.gc?.();
  peakRss = process.memoryUsage().rss;
  const crypto = new CryptographyService(await localFetcher());
  const start = performance.now();
  const entries = inputs.map((faktura, index) => ({ fileName: `${index + 1}.xml`, content: Buffer.from(buildFakturaXml(faktura), 'utf8') }));
  sampleRss();
  const zip = await createZip(entries);
  sampleRss();
  const encryption = await crypto.getEncryptionData();
  const built = BatchFileBuilder.build(zip, (part) => crypto.encryptAES256(part, encryption.cipherKey, encryption.cipherIv));
  sampleRss();
  const ms = performance.now() - start;
  if (built.encryptedParts.length === 0) throw new Error('ksef-client-ts built no parts');
  return { perSecond: (count / ms) * 1000, peakRss };
}

export async function runSendBench(count: number): Promise<void> {
  console.log(`Batch preparation of ${count.toLocaleString('en-US')} app-made FA(3) invoices (Node ${process.version}, ${os.cpus().length} CPU(s) shared, one thread)`);
  const app = benchApp(count);
  console.log(`(a) app: model → XML → streamed zip → AES parts → hashes: ${Math.round(app.perSecond).toLocaleString('en-US')} invoices/s ` +
    `(${Math.round(app.cpuPerSecond).toLocaleString('en-US')} per CPU-second), peak RSS ${mb(app.peakRss)} (process at start ${mb(app.startRss)}), archive ${mb(app.zipBytes)} in ${app.parts} part(s)`);
  const theirs = await benchKsefClientTs(count);
  console.log(`(b) ksef-client-ts 0.10.0: buildFakturaXml → createZip → getEncryptionData → BatchFileBuilder.build: ${Math.round(theirs.perSecond).toLocaleString('en-US')} invoices/s, peak RSS ${mb(theirs.peakRss)}`);
  console.log(`    ratio (a)/(b): ${(app.perSecond / theirs.perSecond).toFixed(2)}×`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'bench-send-'));
  try {
    const sent = await benchSend({ count, invoiceXml: (index) => Buffer.from(writeInvoiceXml(benchInvoice(index)), 'utf8'), sellerNip: SELLER_NIP, workDir });
    console.log(`(c) send to the sandbox, official limits on (client and server): ${(sent.wallMs / 1000).toFixed(1)} s wall (${(sent.enqueueMs / 1000).toFixed(1)} s storing + checking, ` +
      `${(sent.sendMs / 1000).toFixed(1)} s sending), ${sent.requests} KSeF API requests (part uploads to presigned URLs are not API requests), ${sent.rateLimited} × 429, accepted ${sent.accepted}/${count}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
