/**
 * What KSeF does after a batch session is closed (PROTOCOL §6): verify and decrypt each part, join them, check
 * the archive, unpack it and process every file independently — a bad invoice does not sink the others.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sha256Base64 } from '../crypto/primitives';
import { newReferenceNumber } from '../ids/reference-number';
import { processInvoices } from '../invoices/validate';
import { readInvoiceArchive, type ArchiveEntry } from './archive-reader';
import { decryptWithSessionKey } from './encryption';
import { finalizeSession } from './finalize';
import type { SessionRuntime } from './runtime';
import { settleInvoice } from './settle-invoice';
import { invoiceStatus, sessionStatus } from './statuses';
import type { BatchDeclaration, SessionInvoiceRecord, SessionRecord } from './types';

/** `invoiceFileName` is at most 128 characters in the spec. */
const MAX_FILE_NAME = 128;

class BatchFailure extends Error {
  constructor(
    readonly code: 405 | 420 | 430 | 435,
    detail: string,
  ) {
    super(detail);
  }
}

export function startBatchProcessing(runtime: SessionRuntime, session: SessionRecord): void {
  session.status = sessionStatus('Batch', 150);
  session.dateClosed = runtime.now().toISOString();
  runtime.touch(session);
  runtime.track(session.referenceNumber, processBatch(runtime, session));
}

async function processBatch(runtime: SessionRuntime, session: SessionRecord): Promise<void> {
  await nextTurn();
  try {
    const entries = unpack(runtime, session);
    if (entries.length > runtime.settings.maxInvoicesPerSession) {
      throw new BatchFailure(420, `Paczka zawiera ${entries.length} plików; limit to ${runtime.settings.maxInvoicesPerSession}.`);
    }
    await processEntries(runtime, session, entries);
    finalizeSession(runtime, session);
  } catch (error) {
    // Anything unexpected is the spec's "500 Nieznany błąd" rather than a session stuck at 150.
    if (!(error instanceof BatchFailure)) runtime.deps.log(`sandbox: batch ${session.referenceNumber} failed: ${String(error)}`);
    session.status = error instanceof BatchFailure ? sessionStatus('Batch', error.code, error.message) : sessionStatus('Batch', 500);
    runtime.touch(session);
  } finally {
    runtime.dropParts(session.referenceNumber);
  }
}

function unpack(runtime: SessionRuntime, session: SessionRecord): ArchiveEntry[] {
  const declaration = session.batch as BatchDeclaration;
  const uploaded = runtime.partsOf(session.referenceNumber);
  const plainParts = declaration.parts.map((part) => {
    const bytes = uploaded.get(part.ordinalNumber) ?? Buffer.alloc(0);
    if (sha256Base64(bytes) !== part.fileHash) {
      throw new BatchFailure(405, `Skrót części ${part.ordinalNumber} nie zgadza się z zadeklarowanym.`);
    }
    const plain = decryptWithSessionKey(session, bytes);
    if (!plain) throw new BatchFailure(435, `Nie udało się odszyfrować części ${part.ordinalNumber}.`);
    return plain;
  });
  const archive = Buffer.concat(plainParts);
  if (archive.length !== declaration.fileSize) throw new BatchFailure(405, 'Rozmiar paczki nie zgadza się z zadeklarowanym.');
  if (sha256Base64(archive) !== declaration.fileHash) throw new BatchFailure(405, 'Skrót paczki nie zgadza się z zadeklarowanym.');
  try {
    return readInvoiceArchive(archive, declaration.compressionType);
  } catch (error) {
    throw new BatchFailure(430, `Nie udało się rozpakować paczki: ${(error as Error).message}`);
  }
}

async function processEntries(runtime: SessionRuntime, session: SessionRecord, entries: ArchiveEntry[]): Promise<void> {
  // Every batch invoice is "accepted for processing" when the session was opened (PROTOCOL §6).
  const openedAt = new Date(session.dateCreated);
  const now = runtime.now();
  const records: SessionInvoiceRecord[] = entries.map((entry, index) => ({
    ordinalNumber: index + 1,
    referenceNumber: newReferenceNumber('EE', now),
    invoiceHash: sha256Base64(entry.bytes),
    invoiceFileName: entry.name.slice(0, MAX_FILE_NAME),
    invoicingDate: openedAt.toISOString(),
    status: invoiceStatus(150),
    offlineMode: session.offlineMode,
  }));
  session.invoices.push(...records);
  runtime.touch(session);
  const results = await processInvoices(
    entries.map((entry) => entry.bytes),
    {
      receivedAt: openedAt,
      offlineMode: session.offlineMode,
      attachmentsAllowed: true,
      schemaValidator: runtime.schemaValidator,
    },
  );
  results.forEach((result, index) => {
    const record = records[index];
    const entry = entries[index];
    if (record && entry) settleInvoice(runtime, session, record, entry.bytes, result);
  });
}
