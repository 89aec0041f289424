// PDF step of `npm run bench -- documents` (helper C): time per invoice of renderInvoicePdf (XML → model → PDF with KOD I).
import { performance } from 'node:perf_hooks';
import { buildInvoiceViewData, renderInvoicePdf } from '../../electron/services/invoices/document-service';
import type { DocumentBenchContext } from './documents';

const KSEF_NUMBER = '5265877635-20260203-0100004014E0-40';
const MAX_INVOICES = 40;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function pdfStep({ xmls }: DocumentBenchContext): Promise<string[]> {
  const files = xmls.slice(0, MAX_INVOICES).map((xml) => Buffer.from(xml, 'utf8'));
  if (files.length === 0) return [];
  const input = (xml: Buffer) => ({ xml, environment: 'test' as const, ksefNumber: KSEF_NUMBER });
  const firstStart = performance.now();
  await renderInvoicePdf(input(files[0] as Buffer)); // loads pdfmake and Roboto once
  const first = performance.now() - firstStart;
  const times: number[] = [];
  const viewTimes: number[] = [];
  let bytes = 0;
  for (const xml of files) {
    const start = performance.now();
    bytes += (await renderInvoicePdf(input(xml))).length;
    times.push(performance.now() - start);
    const viewStart = performance.now();
    await buildInvoiceViewData(input(xml));
    viewTimes.push(performance.now() - viewStart);
  }
  const mean = times.reduce((sum, value) => sum + value, 0) / times.length;
  return [
    `PDF (XML → A4 PDF with KOD I), ${files.length} invoices: ${mean.toFixed(0)} ms/invoice avg, ${median(times).toFixed(0)} ms median, ` +
      `${(bytes / files.length / 1024).toFixed(0)} KiB avg; first one incl. loading fonts ${first.toFixed(0)} ms`,
    `view data (XML → InvoiceViewData with KOD I PNG): ${median(viewTimes).toFixed(1)} ms/invoice median`,
  ];
}
