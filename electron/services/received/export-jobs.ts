/** Exports of a filtered set (CSV, ZIP of XMLs, ZIP of PDFs), chunked so they report progress and can be cancelled. */
import { randomUUID } from 'node:crypto';
import { Zip, ZipDeflate } from 'fflate';
import type { ReceivedExportFormat, ReceivedExportJob, ReceivedFilter, ReceivedInvoiceRow } from '../../../shared/ipc/channels/received';
import { AppError } from '../errors/app-error';
import type { ReceivedArchive } from './archive';
import { csvHeader, csvLine, POLISH_EXCEL, type CsvDialect } from './export-csv';

export type PdfRenderer = (xml: Buffer, row: ReceivedInvoiceRow) => Promise<Buffer>;

export interface ExportTarget {
  write(chunk: Uint8Array): void;
}

export interface RunExportOptions {
  filter: ReceivedFilter;
  format: ReceivedExportFormat;
  target: ExportTarget;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  dialect?: CsvDialect;
  pdf?: PdfRenderer | null;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the export into `target`; resolves with the number of invoices, rejects with AbortError on cancel. */
export async function runExport(archive: ReceivedArchive, options: RunExportOptions): Promise<number> {
  const total = archive.count(options.filter);
  const rows = archive.iterate(options.filter, { field: 'issueDate', direction: 'asc' });
  let done = 0;
  // PDFs are slow to render, so their progress (and the chance to cancel) comes after each one.
  const every = options.format === 'zip-pdf' ? 1 : 50;
  const step = async () => {
    done++;
    if (done % every === 0 || done === total) {
      options.onProgress?.(done, total);
      await yieldToLoop();
    }
    options.signal?.throwIfAborted();
  };
  options.onProgress?.(0, total);
  if (options.format === 'csv') {
    const dialect = options.dialect ?? POLISH_EXCEL;
    options.target.write(Buffer.from(csvHeader(dialect), 'utf8'));
    for (const row of rows) {
      options.target.write(Buffer.from(csvLine(row, dialect), 'utf8'));
      await step();
    }
    return done;
  }
  const pdf = options.pdf;
  if (options.format === 'zip-pdf' && !pdf) throw new AppError('NOT_AVAILABLE_IN_ENVIRONMENT', 'PDF rendering is not available');
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else options.target.write(chunk);
  });
  const used = new Set<string>();
  for (const row of rows) {
    const xml = archive.xml(row.id);
    const base = used.has(row.ksefNumber) ? `${row.ksefNumber}-${row.companyNip}` : row.ksefNumber;
    used.add(base);
    const entry = new ZipDeflate(options.format === 'zip-pdf' ? `${base}.pdf` : `${base}.xml`, { level: 6 });
    zip.add(entry);
    entry.push(options.format === 'zip-pdf' && pdf ? await pdf(xml, row) : xml, true);
    if (failure) throw failure;
    await step();
  }
  zip.end();
  if (failure) throw failure;
  return done;
}

export function exportFileName(format: ReceivedExportFormat, filter: ReceivedFilter, now: Date): string {
  const stamp = now.toISOString().slice(0, 10);
  const who = filter.companyNip ?? 'wszystkie';
  return format === 'csv' ? `faktury-otrzymane-${who}-${stamp}.csv` : `faktury-otrzymane-${who}-${stamp}-${format === 'zip-xml' ? 'xml' : 'pdf'}.zip`;
}

interface Job {
  status: ReceivedExportJob;
  controller: AbortController;
  chunks: Uint8Array[];
}

/** IPC-side jobs: the file is built in memory and handed over once when finished. */
export class ReceivedExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly archive: ReceivedArchive,
    private readonly deps: { pdf?: PdfRenderer | null; onProgress?: (job: ReceivedExportJob) => void; now?: () => Date } = {},
  ) {}

  start(filter: ReceivedFilter, format: ReceivedExportFormat): ReceivedExportJob {
    if (format === 'zip-pdf' && !this.deps.pdf) throw new AppError('NOT_AVAILABLE_IN_ENVIRONMENT', 'PDF rendering is not available');
    const jobId = randomUUID();
    const job: Job = {
      status: { jobId, format, done: 0, total: this.archive.count(filter), state: 'running', fileName: exportFileName(format, filter, (this.deps.now ?? (() => new Date()))()), error: null },
      controller: new AbortController(),
      chunks: [],
    };
    this.jobs.set(jobId, job);
    const publish = () => this.deps.onProgress?.({ ...job.status });
    void runExport(this.archive, {
      filter,
      format,
      target: { write: (chunk) => job.chunks.push(chunk) },
      signal: job.controller.signal,
      pdf: this.deps.pdf ?? null,
      onProgress: (done, total) => {
        job.status = { ...job.status, done, total };
        publish();
      },
    })
      .then(() => (job.status = { ...job.status, state: 'done' }))
      .catch((error: unknown) => {
        job.chunks = [];
        job.status = job.controller.signal.aborted
          ? { ...job.status, state: 'cancelled' }
          : { ...job.status, state: 'failed', error: error instanceof AppError ? error.code : 'INTERNAL' };
      })
      .finally(publish);
    return { ...job.status };
  }

  status(jobId: string): ReceivedExportJob {
    return { ...this.get(jobId).status };
  }

  cancel(jobId: string): ReceivedExportJob {
    const job = this.get(jobId);
    job.controller.abort();
    return { ...job.status };
  }

  /** The finished file; the job is forgotten afterwards. */
  take(jobId: string): { fileName: string; base64: string } {
    const job = this.get(jobId);
    if (job.status.state !== 'done') throw new AppError('NOT_FOUND', 'export not finished', [job.status.state]);
    this.jobs.delete(jobId);
    return { fileName: job.status.fileName, base64: Buffer.concat(job.chunks).toString('base64') };
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', 'no such export', [jobId]);
    return job;
  }
}
