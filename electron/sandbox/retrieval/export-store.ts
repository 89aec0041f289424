/** Export operations (`/invoices/exports`): persisted records plus an in-memory cache of the encrypted parts. */
import type { SandboxDeps } from '../deps';
import type { ContextIdentifier, StatusInfo } from '../state/types';
import type { InvoiceQueryFilters } from './filters';

export type CompressionType = 'Zip' | 'TarGz';

export interface ExportPartRecord {
  ordinalNumber: number;
  partName: string;
  partSize: number;
  partHash: string;
  encryptedPartSize: number;
  encryptedPartHash: string;
}

export interface ExportPackageRecord {
  /** The invoices in the package, in package order; enough to rebuild identical parts after a restart. */
  ksefNumbers: string[];
  /** Plain (unencrypted) archive size. */
  size: number;
  parts: ExportPartRecord[];
  isTruncated: boolean;
  /** Date of the last packaged invoice, by the filter's date type; only when truncated. */
  lastDate?: string;
  permanentStorageHwmDate?: string;
  /** Fixed file timestamp inside the archive, so a rebuild is byte-identical. */
  archiveMtime: string;
}

export interface ExportRecord {
  referenceNumber: string;
  context: ContextIdentifier;
  createdAt: string;
  encryptedSymmetricKey: string;
  initializationVector: string;
  /** The key actually used to unwrap (resolved at request time). */
  publicKeyId: string;
  filters: InvoiceQueryFilters;
  onlyMetadata: boolean;
  compressionType: CompressionType;
  status: StatusInfo;
  completedDate?: string;
  packageExpirationDate?: string;
  package?: ExportPackageRecord;
}

export const STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  100: 'Eksport faktur w toku',
  200: 'Eksport faktur zakończony sukcesem',
  210: 'Eksport faktur wygasł i nie jest już dostępny do pobrania',
  415: 'Błąd odszyfrowania dostarczonego klucza',
  420: 'Zakres filtrowania wykracza poza dostępny zakres danych',
  500: 'Nieznany błąd (500)',
};

export function exportStatus(code: number, details?: string[]): StatusInfo {
  return { code, description: STATUS_DESCRIPTIONS[code] ?? `Nieznany błąd (${code})`, ...(details ? { details } : {}) };
}

/** Keyed by reference number. */
export const invoiceExports = (deps: Pick<SandboxDeps, 'store'>) => deps.store.slice<Record<string, ExportRecord>>('invoiceExports', () => ({}));

// Encrypted parts can be large; they live in memory only and are rebuilt from the record when missing.
const partCache = new WeakMap<SandboxDeps['store'], Map<string, Buffer[]>>();

export function cachedParts(deps: Pick<SandboxDeps, 'store'>): Map<string, Buffer[]> {
  let cache = partCache.get(deps.store);
  if (!cache) {
    cache = new Map();
    partCache.set(deps.store, cache);
  }
  return cache;
}
