/** Writing synced invoices: every item checked first, then rows + XML + search text + checkpoint in one transaction. */
import { createHash } from 'node:crypto';
import { KSEF_NUMBER_PATTERN } from '../../../shared/domain/identifiers';
import type { ReceivedSubject } from '../../../shared/ipc/channels/received';
import { AppError } from '../errors/app-error';
import type { InvoiceMetadata } from '../ksef/api/invoices-models';
import type { SqliteDatabase } from '../storage/database';
import { numberToGrosze } from './amounts';
import { lineTextOf } from './line-text';

export interface ImportItem {
  metadata: InvoiceMetadata;
  /** The exact bytes KSeF holds. */
  xml: Buffer;
}

export interface ImportBatch {
  companyNip: string;
  subject: ReceivedSubject;
  items: readonly ImportItem[];
  /** Committed with the rows: where the next sync starts. */
  checkpoint?: string;
}

export interface ImportOutcome {
  imported: number;
  duplicates: number;
}

const BULK_IMPORT = 2_000;

const FA_ROOT = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?Faktura[\s>]/;

/** Refuses anything that is not the FA invoice KSeF described: wrong hash, not XML, not a `Faktura`. */
export function checkItem(item: ImportItem): void {
  const { metadata, xml } = item;
  const where = [`ksef:${metadata.ksefNumber}`];
  if (!KSEF_NUMBER_PATTERN.test(metadata.ksefNumber)) throw new AppError('CORRUPT_FILE', 'not a KSeF number', where);
  if (xml.length === 0) throw new AppError('CORRUPT_FILE', 'empty invoice file', where);
  if (createHash('sha256').update(xml).digest('base64') !== metadata.invoiceHash) {
    throw new AppError('CORRUPT_FILE', 'invoice bytes do not match the hash KSeF reports', [...where, 'hash-mismatch']);
  }
  if (!FA_ROOT.test(xml.subarray(0, 4096).toString('utf8'))) throw new AppError('UNSUPPORTED_FORMAT', 'not an FA invoice', [...where, 'not-fa']);
}

function buyerIdentifierOf(metadata: InvoiceMetadata): string | null {
  const identifier = metadata.buyer.identifier;
  return identifier.value ? identifier.value : null;
}

export function importBatch(db: SqliteDatabase, batch: ImportBatch, now: Date): ImportOutcome {
  // Checked before the transaction opens: one bad item refuses the whole batch, nothing written.
  for (const item of batch.items) checkItem(item);
  const insertRow = db.prepare(`
    INSERT INTO received_invoice (company_nip, subject, ksef_number, invoice_number, issue_date, invoicing_date, acquisition_date,
      permanent_storage_date, seller_nip, seller_name, buyer_identifier, buyer_name, net_grosze, vat_grosze, gross_grosze, currency,
      kind, invoicing_mode, invoice_hash, metadata_json, imported_at)
    VALUES (@companyNip, @subject, @ksefNumber, @invoiceNumber, @issueDate, @invoicingDate, @acquisitionDate, @permanentStorageDate,
      @sellerNip, @sellerName, @buyerIdentifier, @buyerName, @net, @vat, @gross, @currency, @kind, @invoicingMode, @invoiceHash,
      @metadataJson, @importedAt)
    ON CONFLICT (company_nip, subject, ksef_number) DO NOTHING`);
  const insertXml = db.prepare('INSERT INTO received_xml (invoice_id, xml) VALUES (?, ?)');
  const insertText = db.prepare('INSERT INTO received_fts (rowid, parties, numbers, lines) VALUES (?, ?, ?, ?)');
  const saveCheckpoint = db.prepare(`
    INSERT INTO received_checkpoint (company_nip, subject, from_date, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (company_nip, subject) DO UPDATE SET from_date = excluded.from_date, updated_at = excluded.updated_at`);
  const importedAt = now.toISOString();

  const outcome = db.transaction((): ImportOutcome => {
    let imported = 0;
    for (const { metadata, xml } of batch.items) {
      const result = insertRow.run({
        companyNip: batch.companyNip,
        subject: batch.subject,
        ksefNumber: metadata.ksefNumber,
        invoiceNumber: metadata.invoiceNumber,
        issueDate: metadata.issueDate,
        invoicingDate: metadata.invoicingDate,
        acquisitionDate: metadata.acquisitionDate,
        permanentStorageDate: metadata.permanentStorageDate,
        sellerNip: metadata.seller.nip,
        sellerName: metadata.seller.name ?? null,
        buyerIdentifier: buyerIdentifierOf(metadata),
        buyerName: metadata.buyer.name ?? null,
        net: numberToGrosze(metadata.netAmount),
        vat: numberToGrosze(metadata.vatAmount),
        gross: numberToGrosze(metadata.grossAmount),
        currency: metadata.currency,
        kind: metadata.invoiceType,
        invoicingMode: metadata.invoicingMode,
        invoiceHash: metadata.invoiceHash,
        metadataJson: JSON.stringify(metadata),
        importedAt,
      });
      if (result.changes === 0) continue; // already archived (overlapping windows): keep the first copy and its state
      const id = Number(result.lastInsertRowid);
      insertXml.run(id, xml);
      const parties = [metadata.seller.name, metadata.seller.nip, metadata.buyer.name, buyerIdentifierOf(metadata)].filter(Boolean).join(' ');
      insertText.run(id, parties, `${metadata.invoiceNumber} ${metadata.ksefNumber}`, lineTextOf(xml));
      imported++;
    }
    if (batch.checkpoint) saveCheckpoint.run(batch.companyNip, batch.subject, batch.checkpoint, importedAt);
    return { imported, duplicates: batch.items.length - imported };
  })();
  // After a bulk import the query planner needs fresh statistics to pick the narrow index for each filter.
  if (outcome.imported >= BULK_IMPORT) db.exec('ANALYZE received_invoice');
  return outcome;
}
