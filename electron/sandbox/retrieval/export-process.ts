/** The asynchronous part of an export: select → package → encrypt, and rebuilding parts after a restart. */
import { rsaOaepSha256Decrypt } from '../crypto/primitives';
import type { SandboxDeps } from '../deps';
import { invoiceArchive, type StoredInvoice } from '../invoices/archive';
import { formatKsefDateTime } from '../server/clock';
import { FROM_AFTER_HWM_DETAIL } from './errors';
import { archiveExtension, archiveOf, splitAndEncrypt, type PackageFile } from './export-package';
import { cachedParts, exportStatus, invoiceExports, type ExportRecord } from './export-store';
import { resolveWindow, type DateType } from './filters';
import { toInvoiceMetadata } from './metadata';
import { selectInvoices } from './select';
import { retrievalTuning } from './tuning';

/** How long a finished package stays downloadable (not documented; the status itself lives 7 days). */
export const PACKAGE_RETENTION_MS = 3 * 86_400_000;

/** The client's AES-256 key, or undefined when it does not unwrap to 32 bytes (export status 415). */
function unwrapExportKey(deps: SandboxDeps, record: ExportRecord): Buffer | undefined {
  try {
    const key = deps.crypto.keyFor('SymmetricKeyEncryption', record.publicKeyId, new Date(record.createdAt));
    const aesKey = rsaOaepSha256Decrypt(key.privateKey, Buffer.from(record.encryptedSymmetricKey, 'base64'));
    return aesKey.length === 32 ? aesKey : undefined;
  } catch {
    return undefined;
  }
}

function packageFiles(invoices: readonly StoredInvoice[], onlyMetadata: boolean): PackageFile[] {
  const metadata: PackageFile = { name: '_metadata.json', data: Buffer.from(JSON.stringify({ invoices: invoices.map(toInvoiceMetadata) }), 'utf8') };
  if (onlyMetadata) return [metadata];
  return [...invoices.map((invoice) => ({ name: `${invoice.ksefNumber}.xml`, data: invoice.xml })), metadata];
}

function lastDateOf(invoice: StoredInvoice, dateType: DateType): string {
  if (dateType === 'Issue') return invoice.facts.issueDate;
  return formatKsefDateTime(new Date(dateType === 'Invoicing' ? invoice.invoicingDate : invoice.permanentStorageDate));
}

/** Takes invoices in ascending date order until the count or size limit; the metadata file does not count. */
function takeWithinLimits(deps: SandboxDeps, matches: readonly StoredInvoice[], onlyMetadata: boolean): StoredInvoice[] {
  const tuning = retrievalTuning(deps);
  const taken: StoredInvoice[] = [];
  let bytes = 0;
  for (const invoice of matches) {
    if (taken.length >= tuning.exportInvoiceCap) break;
    if (!onlyMetadata && taken.length > 0 && bytes + invoice.invoiceSize > tuning.exportPackageBytesCap) break;
    taken.push(invoice);
    bytes += invoice.invoiceSize;
  }
  return taken;
}

/** Runs one export that is still "in progress" (status 100). The window is evaluated at request time. */
export function runExport(deps: SandboxDeps, referenceNumber: string): void {
  const record = invoiceExports(deps)[referenceNumber];
  if (!record || record.status.code !== 100) return;
  const finish = (code: number, details?: string[]) => {
    record.status = exportStatus(code, details);
    record.completedDate = deps.clock.now().toISOString();
    deps.store.changed();
  };
  const key = unwrapExportKey(deps, record);
  if (!key) return finish(415);
  const requestedAt = new Date(record.createdAt);
  const resolved = resolveWindow(record.filters, requestedAt, retrievalTuning(deps).hwmLagMs);
  if (!resolved.ok) return finish(420, [FROM_AFTER_HWM_DETAIL]);
  const { window } = resolved;
  const matches = selectInvoices(deps.store, record.context, record.filters, window, requestedAt, 'Asc');
  const taken = takeWithinLimits(deps, matches, record.onlyMetadata);
  const isTruncated = taken.length < matches.length;
  const last = taken.at(-1);
  const archiveMtime = requestedAt;
  const archive = archiveOf(packageFiles(taken, record.onlyMetadata), record.compressionType, archiveMtime);
  const { parts, encrypted } = splitAndEncrypt(
    archive,
    retrievalTuning(deps).exportPartBytes,
    key,
    Buffer.from(record.initializationVector, 'base64'),
    referenceNumber,
    archiveExtension(record.compressionType),
  );
  cachedParts(deps).set(referenceNumber, encrypted);
  record.package = {
    ksefNumbers: taken.map((invoice) => invoice.ksefNumber),
    size: archive.length,
    parts,
    isTruncated,
    ...(isTruncated && last ? { lastDate: lastDateOf(last, window.dateType) } : {}),
    ...(window.permanentStorageHwm ? { permanentStorageHwmDate: formatKsefDateTime(window.permanentStorageHwm) } : {}),
    archiveMtime: archiveMtime.toISOString(),
  };
  finish(200);
  record.packageExpirationDate = new Date(Date.parse(record.completedDate ?? record.createdAt) + PACKAGE_RETENTION_MS).toISOString();
}

/** Starts processing shortly, off the request; the timer never keeps the process alive. */
export function scheduleExport(deps: SandboxDeps, referenceNumber: string): void {
  const timer = setTimeout(() => {
    try {
      runExport(deps, referenceNumber);
    } catch (error) {
      deps.log(`sandbox: export ${referenceNumber} failed: ${(error as Error).stack ?? String(error)}`);
      const record = invoiceExports(deps)[referenceNumber];
      if (record && record.status.code === 100) {
        record.status = exportStatus(500);
        record.completedDate = deps.clock.now().toISOString();
        deps.store.changed();
      }
    }
  }, retrievalTuning(deps).exportDelayMs);
  timer.unref();
}

/**
 * The encrypted parts of a finished export: from memory, or rebuilt byte-identically from the record (after a
 * restart). Undefined when they cannot be rebuilt (an invoice vanished, or the hashes no longer match).
 */
export function encryptedPartsOf(deps: SandboxDeps, record: ExportRecord): Buffer[] | undefined {
  const cached = cachedParts(deps).get(record.referenceNumber);
  if (cached) return cached;
  const packageRecord = record.package;
  const key = unwrapExportKey(deps, record);
  if (!packageRecord || !key) return undefined;
  const byNumber = invoiceArchive(deps.store).byKsefNumber;
  const invoices = packageRecord.ksefNumbers.map((ksefNumber) => byNumber[ksefNumber]);
  if (invoices.some((invoice) => !invoice)) return undefined;
  const archive = archiveOf(packageFiles(invoices as StoredInvoice[], record.onlyMetadata), record.compressionType, new Date(packageRecord.archiveMtime));
  const partBytes = packageRecord.parts[0]?.partSize ?? archive.length;
  const rebuilt = splitAndEncrypt(archive, Math.max(1, partBytes), key, Buffer.from(record.initializationVector, 'base64'), record.referenceNumber, archiveExtension(record.compressionType));
  const same = rebuilt.parts.length === packageRecord.parts.length && rebuilt.parts.every((part, index) => part.encryptedPartHash === packageRecord.parts[index]?.encryptedPartHash);
  if (!same) return undefined;
  cachedParts(deps).set(record.referenceNumber, rebuilt.encrypted);
  return rebuilt.encrypted;
}
