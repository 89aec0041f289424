/** Knobs of the retrieval module that tests (and the app's dev tools) may lower; defaults are KSeF's documented limits. */
import type { SandboxDeps } from '../deps';

export interface RetrievalTuning {
  /** Rows reachable per metadata filter set before `isTruncated` (KSeF: 10 000). */
  metadataRowCap: number;
  /** Invoices per export package (KSeF: 10 000). */
  exportInvoiceCap: number;
  /** Package size cap; measured on uncompressed XML, so it stops no later than KSeF's 1 GiB compressed limit. */
  exportPackageBytesCap: number;
  /** Plain bytes per package part before encryption (KSeF: 50 MiB). */
  exportPartBytes: number;
  /** Delay before an export starts processing; raise it to keep exports "in progress" (status 100). */
  exportDelayMs: number;
  /** How far behind "now" the permanent-storage high-water mark trails. */
  hwmLagMs: number;
}

export const DEFAULT_RETRIEVAL_TUNING: Readonly<RetrievalTuning> = {
  metadataRowCap: 10_000,
  exportInvoiceCap: 10_000,
  exportPackageBytesCap: 1_073_741_824,
  exportPartBytes: 52_428_800,
  exportDelayMs: 20,
  hwmLagMs: 1_000,
};

// Keyed by the store so two sandboxes in one process (tests) never share knobs; not persisted on purpose.
const tuningByStore = new WeakMap<SandboxDeps['store'], RetrievalTuning>();

export function retrievalTuning(deps: Pick<SandboxDeps, 'store'>): RetrievalTuning {
  let tuning = tuningByStore.get(deps.store);
  if (!tuning) {
    tuning = { ...DEFAULT_RETRIEVAL_TUNING };
    tuningByStore.set(deps.store, tuning);
  }
  return tuning;
}

/** Overrides some knobs for this sandbox instance (e.g. `{ metadataRowCap: 25 }` to exercise truncation). */
export function tuneRetrieval(deps: Pick<SandboxDeps, 'store'>, changes: Partial<RetrievalTuning>): RetrievalTuning {
  return Object.assign(retrievalTuning(deps), changes);
}
