/** Small volumes: metadata query pages + one download per new invoice, committed page by page. */
import { KsefApiError } from '../ksef/http/errors';
import { FROM_AFTER_HWM_CODE, type MetadataPage } from '../ksef/api/invoices-models';
import type { ImportItem } from './archive-import';
import { laterOf, windowFilters, type SyncRun } from './sync-context';

export const PAGE_SIZE = 250;

/** One metadata page; `null` when `from` is past the high-water mark (nothing new yet). */
export async function queryPage(run: SyncRun, from: string, pageOffset: number): Promise<MetadataPage | null> {
  try {
    return await run.api.queryMetadata(windowFilters(run, from), { pageOffset, pageSize: PAGE_SIZE, sortOrder: 'Asc' });
  } catch (error) {
    if (error instanceof KsefApiError && error.hasCode(FROM_AFTER_HWM_CODE)) return null;
    throw error;
  }
}

async function downloadNew(run: SyncRun, page: MetadataPage, started: number): Promise<ImportItem[]> {
  const known = run.archive.known(run.companyNip, run.subject, page.invoices.map((row) => row.ksefNumber));
  const missing = page.invoices.filter((row) => !known.has(row.ksefNumber));
  const items: ImportItem[] = [];
  for (const [index, metadata] of missing.entries()) {
    run.signal?.throwIfAborted();
    const { xml } = await run.api.download(metadata.ksefNumber, metadata.invoiceHash);
    items.push({ metadata, xml });
    const perItem = (run.time.now() - started) / (index + 1);
    run.progress({ phase: 'download', processed: index + 1, expected: missing.length, etaSeconds: Math.round((perItem * (missing.length - index - 1)) / 1000) });
  }
  return items;
}

/**
 * Pages through the window(s) from `from`: `hasMore` → next page; `isTruncated` → continue from the last record's
 * date with offset 0; end of a window → its HWM. Each page's invoices are committed with the checkpoint that covers
 * them, so a crash repeats at most one page (duplicates are dropped by KSeF number).
 */
export async function syncByDownload(run: SyncRun, from: string, firstPage?: MetadataPage): Promise<string> {
  let pageOffset = 0;
  let page: MetadataPage | null | undefined = firstPage;
  for (;;) {
    run.signal?.throwIfAborted();
    page ??= await queryPage(run, from, pageOffset);
    if (!page) return from;
    const items = await downloadNew(run, page, run.time.now());
    const last = page.invoices.at(-1)?.permanentStorageDate;
    const windowEnd = page.permanentStorageHwmDate ?? windowFilters(run, from).dateRange.to ?? last ?? from;
    const checkpoint = page.hasMore ? laterOf(from, last ?? from) : laterOf(from, windowEnd);
    run.progress({ phase: 'import' });
    const outcome = run.archive.import({ companyNip: run.companyNip, subject: run.subject, items, checkpoint });
    run.imported += outcome.imported;
    run.duplicates += outcome.duplicates + (page.invoices.length - items.length);
    run.progress({ phase: 'import', imported: run.imported });
    if (page.hasMore && page.isTruncated) {
      if (checkpoint === from) throw new Error('metadata window truncated without progress');
      from = checkpoint;
      pageOffset = 0;
    } else if (page.hasMore) {
      pageOffset++;
    } else if (windowFilters(run, from).dateRange.to && checkpoint !== from) {
      from = checkpoint; // an older window finished; the next one starts at its end
      pageOffset = 0;
    } else {
      return checkpoint;
    }
    page = undefined;
  }
}
