/** What one sync run shares between its strategies: where it is, what it may call, how it reports. */
import type { ReceivedSubject, ReceivedSyncProgress } from '../../../shared/ipc/channels/received';
import type { KsefInvoicesApi } from '../ksef/api/invoices';
import type { PartFetcher } from '../ksef/api/invoices-package';
import type { InvoiceQueryFilters } from '../ksef/api/invoices-models';
import type { KsefTime } from '../ksef/time';
import type { ReceivedArchive } from './archive';
import { KSEF_SUBJECT_TYPE } from './subjects';

/** The calls a sync needs (KsefInvoicesApi has them; tests may wrap it). */
export type InvoicesApi = Pick<KsefInvoicesApi, 'queryMetadata' | 'download' | 'startExport' | 'waitForExport'>;

/** KSeF accepts at most 3 months per query; stay clearly inside that in UTC and Warsaw time alike. */
export const MAX_WINDOW_MS = 85 * 86_400_000;

export interface SyncRun {
  companyNip: string;
  subject: ReceivedSubject;
  api: InvoicesApi;
  archive: ReceivedArchive;
  time: KsefTime;
  fetcher?: PartFetcher;
  signal?: AbortSignal;
  progress(update: Partial<ReceivedSyncProgress> & Pick<ReceivedSyncProgress, 'phase'>): void;
  /** Counts of this run. */
  imported: number;
  duplicates: number;
}

/**
 * The filter of one incremental window (PROTOCOL §10): PermanentStorage, restricted to the high-water mark,
 * `to` only when `from` lies further back than one query may span.
 */
export function windowFilters(run: Pick<SyncRun, 'subject' | 'time'>, from: string): InvoiceQueryFilters {
  const fromMs = Date.parse(from.replace(/(\.\d{3})\d+/, '$1'));
  const to = run.time.now() - fromMs > MAX_WINDOW_MS ? new Date(fromMs + MAX_WINDOW_MS).toISOString() : undefined;
  return {
    subjectType: KSEF_SUBJECT_TYPE[run.subject],
    dateRange: { dateType: 'PermanentStorage', from, ...(to ? { to } : {}), restrictToPermanentStorageHwmDate: true },
  };
}

/** Later of two KSeF instants (different fraction lengths compare by value, not text). */
export function laterOf(a: string, b: string): string {
  const ms = (value: string) => Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return ms(b) > ms(a) ? b : a;
}
