import type { SqliteDatabase } from '../../storage/database';
import type { Kod2Problem, OfflineMode } from '../../../../shared/ipc/channels/offline';
import type { OutagePeriod } from './deadlines';

export type { Kod2Problem };

export interface OfflineInvoiceRecord {
  outboxId: string;
  mode: OfflineMode;
  issueDate: string;
  sellerNip: string;
  invoiceHash: string;
  kod1Url: string;
  kod2Url: string | null;
  certificateSerial: string | null;
  kod2Problem: Kod2Problem | null;
  createdAt: string;
}

interface OfflineRow {
  outbox_id: string;
  mode: OfflineMode;
  issue_date: string;
  seller_nip: string;
  invoice_hash: string;
  kod1_url: string;
  kod2_url: string | null;
  certificate_serial: string | null;
  kod2_problem: Kod2Problem | null;
  created_at: string;
}

interface OutageRow {
  id: number;
  kind: OutagePeriod['kind'];
  started_at: string;
  ended_at: string | null;
  source: OutagePeriod['source'];
}

function toRecord(row: OfflineRow): OfflineInvoiceRecord {
  return {
    outboxId: row.outbox_id,
    mode: row.mode,
    issueDate: row.issue_date,
    sellerNip: row.seller_nip,
    invoiceHash: row.invoice_hash,
    kod1Url: row.kod1_url,
    kod2Url: row.kod2_url,
    certificateSerial: row.certificate_serial,
    kod2Problem: row.kod2_problem,
    createdAt: row.created_at,
  };
}

const MANUAL_OFFLINE_KEY = 'manualOffline';

/** Offline invoices' QR codes, observed and announced outages, the manual switch: the offline module's rows. */
export class OfflineStore {
  constructor(private readonly db: () => SqliteDatabase) {}

  saveInvoice(record: OfflineInvoiceRecord): void {
    this.db()
      .prepare(
        `INSERT INTO offline_invoice (outbox_id, mode, issue_date, seller_nip, invoice_hash, kod1_url, kod2_url, certificate_serial, kod2_problem, created_at)
         VALUES (@outboxId, @mode, @issueDate, @sellerNip, @invoiceHash, @kod1Url, @kod2Url, @certificateSerial, @kod2Problem, @createdAt)
         ON CONFLICT (outbox_id) DO UPDATE SET mode = excluded.mode, issue_date = excluded.issue_date, seller_nip = excluded.seller_nip,
           invoice_hash = excluded.invoice_hash, kod1_url = excluded.kod1_url, kod2_url = excluded.kod2_url,
           certificate_serial = excluded.certificate_serial, kod2_problem = excluded.kod2_problem`,
      )
      .run(record);
  }

  invoice(outboxId: string): OfflineInvoiceRecord | null {
    const row = this.db().prepare('SELECT * FROM offline_invoice WHERE outbox_id = ?').get(outboxId) as OfflineRow | undefined;
    return row ? toRecord(row) : null;
  }

  invoices(outboxIds?: readonly string[]): OfflineInvoiceRecord[] {
    const rows = this.db().prepare('SELECT * FROM offline_invoice ORDER BY created_at').all() as OfflineRow[];
    const wanted = outboxIds ? new Set(outboxIds) : null;
    return rows.filter((row) => !wanted || wanted.has(row.outbox_id)).map(toRecord);
  }

  /** Invoices still waiting for a KOD II (e.g. issued before the Offline certificate was obtained). */
  withoutKod2(): OfflineInvoiceRecord[] {
    return (this.db().prepare('SELECT * FROM offline_invoice WHERE kod2_url IS NULL').all() as OfflineRow[]).map(toRecord);
  }

  startOutage(period: OutagePeriod): number {
    const result = this.db()
      .prepare('INSERT INTO outage_period (kind, started_at, ended_at, source) VALUES (?, ?, ?, ?)')
      .run(period.kind, period.start, period.end ?? null, period.source);
    return Number(result.lastInsertRowid);
  }

  /** Closes every open period of that source (there is at most one detected outage at a time). */
  endOutages(source: OutagePeriod['source'], endedAt: string): void {
    this.db().prepare('UPDATE outage_period SET ended_at = ? WHERE ended_at IS NULL AND source = ?').run(endedAt, source);
  }

  outages(): (OutagePeriod & { id: number })[] {
    const rows = this.db().prepare('SELECT id, kind, started_at, ended_at, source FROM outage_period ORDER BY started_at').all() as OutageRow[];
    return rows.map((row) => ({ id: row.id, kind: row.kind, start: row.started_at, ...(row.ended_at ? { end: row.ended_at } : {}), source: row.source }));
  }

  /** Sets (or clears) the end of one announced period; false when there is no such announced period. */
  endAnnounced(id: number, endedAt: string | null): boolean {
    return this.db().prepare("UPDATE outage_period SET ended_at = ? WHERE id = ? AND source = 'announced'").run(endedAt, id).changes === 1;
  }

  manualOffline(): boolean {
    return this.db().prepare('SELECT value FROM offline_setting WHERE key = ?').pluck().get(MANUAL_OFFLINE_KEY) === 'true';
  }

  setManualOffline(on: boolean): void {
    this.db()
      .prepare('INSERT INTO offline_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(MANUAL_OFFLINE_KEY, String(on));
  }

  /** The hashes of corrections already sent for an original (KSeF accepts one; 21166 otherwise). */
  corrections(originalOutboxId: string): string[] {
    return this.db().prepare('SELECT correction_hash FROM technical_correction WHERE original_outbox_id = ? ORDER BY created_at').pluck().all(originalOutboxId) as string[];
  }

  recordCorrection(originalOutboxId: string, correctedHash: string, correctionHash: string, at: string): void {
    this.db()
      .prepare('INSERT OR IGNORE INTO technical_correction (original_outbox_id, corrected_hash, correction_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(originalOutboxId, correctedHash, correctionHash, at);
  }
}
