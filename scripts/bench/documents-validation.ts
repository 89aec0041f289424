// XSD step of `npm run bench -- documents` (helper B): in-process FA(3) validation (libxml2 as WebAssembly in a
// worker), cold start, then per invoice when batched 1 / 100 / 1000 per call, and how long the main thread stalls.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createFa3Validator } from '../../electron/services/invoices/validation';
import type { DocumentBenchContext } from './documents';

const BATCHES = [1, 100, 1000] as const;

/** `count` documents cycled from the sample, each made distinct so nothing can be answered from a cache. */
function documents(xmls: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${xmls[index % xmls.length] ?? ''}<!-- ${index} -->`);
}

export async function validationStep({ xmls }: DocumentBenchContext): Promise<string[]> {
  if (xmls.length === 0) return [];
  const validator = createFa3Validator({ cacheSize: 0 });
  const coldStart = performance.now();
  await validator.validate(xmls[0] ?? '');
  const lines = [`XSD validation, first call (worker + wasm compile + schema): ${(performance.now() - coldStart).toFixed(0)} ms`];
  const sequential = documents(xmls, 20);
  const sequentialStart = performance.now();
  for (const xml of sequential) await validator.validate(xml);
  lines.push(`XSD validation, one call per invoice (schema compiled each call): ${((performance.now() - sequentialStart) / sequential.length).toFixed(1)} ms/invoice`);
  for (const size of BATCHES) {
    const batch = documents(xmls, size);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const start = performance.now();
    const reports = await validator.validateMany(batch);
    const ms = performance.now() - start;
    delay.disable();
    const invalid = reports.filter((report) => !report.valid).length;
    lines.push(
      `XSD validation, batch of ${String(size).padStart(4)}: ${ms.toFixed(0).padStart(5)} ms = ${(ms / size).toFixed(2)} ms/invoice` +
        ` (main thread max stall ${(delay.max / 1e6).toFixed(0)} ms${invalid ? `, ${invalid} INVALID` : ''})`,
    );
  }
  return lines;
}
