/** One incremental sync of received invoices for a company and subject type (PROTOCOL §10). */
import type { ReceivedSubject, ReceivedSyncProgress, ReceivedSyncSummary } from '../../../shared/ipc/channels/received';
import type { PartFetcher } from '../ksef/api/invoices-package';
import type { KsefTime } from '../ksef/time';
import type { ReceivedArchive } from './archive';
import type { InvoicesApi, SyncRun } from './sync-context';
import { PAGE_SIZE, queryPage, syncByDownload } from './sync-download';
import { syncByExport } from './sync-export';

export type SyncStrategy = 'auto' | 'download' | 'export';

export interface SyncRequest {
  companyNip: string;
  subject: ReceivedSubject;
  api: InvoicesApi;
  archive: ReceivedArchive;
  time: KsefTime;
  strategy?: SyncStrategy;
  /** More new invoices than this (64 downloads/h is KSeF's limit) go through an export package. */
  downloadThreshold?: number;
  /** First sync only: how far back to start (default 85 days, within one query window). */
  initialLookbackDays?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ReceivedSyncProgress) => void;
  fetcher?: PartFetcher;
}

export const DEFAULT_DOWNLOAD_THRESHOLD = 10;

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && (error === signal.reason || (error instanceof Error && error.name === 'AbortError'));
}

/**
 * Starts at the stored checkpoint. `auto` looks at one metadata page first: a handful of new invoices are
 * downloaded one by one; anything more (or a page that says there is more) goes through export packages.
 * Progress is committed batch by batch with its checkpoint, so a crash, a cancel or a network loss loses
 * nothing and the next run continues where the last commit left off.
 */
export async function syncReceived(request: SyncRequest): Promise<ReceivedSyncSummary> {
  const { archive, companyNip, subject } = request;
  const lookbackDays = request.initialLookbackDays ?? 85;
  const from = archive.checkpoint(companyNip, subject) ?? new Date(request.time.now() - lookbackDays * 86_400_000).toISOString();
  let progress: ReceivedSyncProgress = { companyNip, subject, phase: 'query', imported: 0, processed: 0, expected: null, etaSeconds: null };
  const run: SyncRun = {
    companyNip,
    subject,
    api: request.api,
    archive,
    time: request.time,
    ...(request.fetcher ? { fetcher: request.fetcher } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    progress: (update) => {
      progress = { ...progress, ...update, imported: update.imported ?? progress.imported };
      request.onProgress?.(progress);
    },
    imported: 0,
    duplicates: 0,
  };
  let method: ReceivedSyncSummary['method'] = 'none';
  const summary = (cancelled: boolean): ReceivedSyncSummary => ({
    companyNip,
    subject,
    imported: run.imported,
    duplicates: run.duplicates,
    method,
    checkpoint: archive.checkpoint(companyNip, subject) ?? from,
    cancelled,
  });
  try {
    run.progress({ phase: 'query' });
    const strategy = request.strategy ?? 'auto';
    if (strategy === 'export') {
      method = 'export';
      await syncByExport(run, from);
    } else if (strategy === 'download') {
      method = 'download';
      await syncByDownload(run, from);
    } else {
      const first = await queryPage(run, from, 0);
      if (first && first.invoices.length > 0) {
        const known = archive.known(companyNip, subject, first.invoices.map((row) => row.ksefNumber));
        const fresh = first.invoices.length - known.size;
        const small = !first.hasMore && first.invoices.length < PAGE_SIZE && fresh <= (request.downloadThreshold ?? DEFAULT_DOWNLOAD_THRESHOLD);
        method = small ? 'download' : 'export';
        await (small ? syncByDownload(run, from, first) : syncByExport(run, from));
      } else if (first) {
        await syncByDownload(run, from, first); // empty window: records its HWM as the checkpoint
      }
    }
    archive.recordSync(companyNip, subject, null);
    run.progress({ phase: 'done', etaSeconds: 0 });
    return summary(false);
  } catch (error) {
    if (isAbort(error, request.signal)) {
      archive.recordSync(companyNip, subject, 'cancelled');
      return summary(true);
    }
    archive.recordSync(companyNip, subject, error instanceof Error ? error.message.slice(0, 300) : String(error));
    throw error;
  }
}
