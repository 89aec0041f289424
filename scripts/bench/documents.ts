// `npm run bench -- documents [--count N]`: FA(3) document figures (writer, reader, …, peak memory).
// Each step prints its own lines; helpers add steps (XSD validation, PDF) to DOCUMENT_BENCH_STEPS.
import { performance } from 'node:perf_hooks';
import type { Invoice } from '../../shared/domain/invoice/model';
import { invoiceSchema } from '../../shared/domain/invoice/schema';
import { randomInvoices } from '../../electron/services/invoices/testing/random-invoice';
import { readInvoiceXml, writeInvoiceXml } from '../../electron/services/invoices/xml';
import { pdfStep } from './documents-pdf';
import { validationStep } from './documents-validation';

export interface DocumentBenchContext {
  /** Random valid invoices (every kind, 0–6 lines) and their XML. */
  invoices: Invoice[];
  xmls: string[];
}

export type DocumentBenchStep = (context: DocumentBenchContext) => Promise<string[]> | string[];

export interface Throughput {
  /** Items per wall-clock second. */
  wall: number;
  /** Items per second of this process's CPU time (steadier on a shared machine). */
  cpu: number;
}

/** Runs `work` over all items repeatedly for at least `minMs` of wall time. */
export function throughput<T>(items: readonly T[], work: (item: T) => unknown, minMs = 1000): Throughput {
  for (const item of items.slice(0, 50)) work(item); // warm-up
  let done = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let elapsed: number;
  do {
    for (const item of items) work(item);
    done += items.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (done / elapsed) * 1000, cpu: (done / (cpu.user + cpu.system)) * 1e6 };
}

const perSecond = (value: Throughput) =>
  `${Math.round(value.wall).toLocaleString('en-US')} invoices/s (${Math.round(value.cpu).toLocaleString('en-US')} per CPU-second)`;

const writerStep: DocumentBenchStep = ({ invoices }) => {
  const withoutSummary = invoices.map(({ summary: _summary, ...rest }) => rest as Invoice);
  return [
    `writer (model → FA(3) XML):              ${perSecond(throughput(invoices, (invoice) => writeInvoiceXml(invoice)))}`,
    `writer incl. computing the totals:       ${perSecond(throughput(withoutSummary, (invoice) => writeInvoiceXml(invoice)))}`,
  ];
};

const readerStep: DocumentBenchStep = ({ xmls }) => {
  const bytes = xmls.map((xml) => Buffer.from(xml, 'utf8'));
  const averageKb = bytes.reduce((sum, buffer) => sum + buffer.length, 0) / bytes.length / 1024;
  return [`reader (FA(3) bytes → model, ${averageKb.toFixed(1)} KiB avg): ${perSecond(throughput(bytes, (buffer) => readInvoiceXml(buffer)))}`];
};

const schemaStep: DocumentBenchStep = ({ invoices }) => [
  `invoiceSchema (zod) parse:               ${perSecond(throughput(invoices, (invoice) => invoiceSchema.parse(invoice)))}`,
];

/** Helpers B (validation) and C (PDF): push your step here. */
export const DOCUMENT_BENCH_STEPS: DocumentBenchStep[] = [writerStep, readerStep, schemaStep, validationStep, pdfStep];

export async function benchDocuments(count: number): Promise<void> {
  const invoices = randomInvoices(count, 424242);
  const xmls = invoices.map((invoice) => writeInvoiceXml(invoice));
  console.log(`FA(3) documents: ${count} random invoices (every kind, 0–6 lines), one core`);
  for (const step of DOCUMENT_BENCH_STEPS) {
    for (const line of await step({ invoices, xmls })) console.log(line);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}
