/** Large volumes: export packages (one export init per ≤10 000 invoices), decrypted, unzipped, imported. */
import { AppError } from '../errors/app-error';
import { downloadPackageArchive, readPackageArchive } from '../ksef/api/invoices-package';
import { EXPORT_STATUS } from '../ksef/api/invoices-models';
import type { ImportItem } from './archive-import';
import { laterOf, windowFilters, type SyncRun } from './sync-context';

/** Files of the package matched to `_metadata.json`; a listed invoice without its XML refuses the package. */
function itemsOf(contents: ReturnType<typeof readPackageArchive>): ImportItem[] {
  return contents.metadata.map((metadata) => {
    const xml = contents.files.get(metadata.ksefNumber);
    if (!xml) throw new AppError('CORRUPT_FILE', 'export package lacks an invoice listed in _metadata.json', [`ksef:${metadata.ksefNumber}`]);
    return { metadata, xml };
  });
}

/**
 * The incremental export loop of PROTOCOL §10: next window from `lastPermanentStorageDate` when the package is
 * truncated, else from `permanentStorageHwmDate`; windows touch, so the boundary invoice is deduplicated by number.
 * Each package is committed together with the checkpoint it earns.
 */
export async function syncByExport(run: SyncRun, from: string): Promise<string> {
  for (;;) {
    run.signal?.throwIfAborted();
    const filters = windowFilters(run, from);
    run.progress({ phase: 'export', processed: 0, expected: null, etaSeconds: null });
    const started = await run.api.startExport(filters);
    const status = await run.api.waitForExport(started.referenceNumber, run.signal ? { signal: run.signal } : {});
    if (status.status.code === EXPORT_STATUS.fromAfterHwm) return from;
    const info = status.package;
    if (!info) throw new AppError('KSEF_UNAVAILABLE', 'export finished without a package', [`export:${started.referenceNumber}`]);
    run.progress({ phase: 'download', processed: 0, expected: info.invoiceCount });
    const archive = await downloadPackageArchive(info, started.key, { ...(run.fetcher ? { fetcher: run.fetcher } : {}), ...(run.signal ? { signal: run.signal } : {}) });
    const items = itemsOf(readPackageArchive(archive));
    run.signal?.throwIfAborted();
    const windowEnd = info.permanentStorageHwmDate ?? filters.dateRange.to ?? from;
    const next = info.isTruncated ? (info.lastPermanentStorageDate ?? windowEnd) : windowEnd;
    const checkpoint = laterOf(from, next);
    run.progress({ phase: 'import', processed: items.length, expected: info.invoiceCount });
    const outcome = run.archive.import({ companyNip: run.companyNip, subject: run.subject, items, checkpoint });
    run.imported += outcome.imported;
    run.duplicates += outcome.duplicates;
    run.progress({ phase: 'import', imported: run.imported });
    const moreWindows = info.isTruncated || filters.dateRange.to !== undefined;
    if (!moreWindows) return checkpoint;
    if (checkpoint === from) throw new AppError('KSEF_UNAVAILABLE', 'export window truncated without progress', [`from:${from}`]);
    from = checkpoint;
  }
}
