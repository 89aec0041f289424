/** The received-invoice archive: reads for browsing, user state, checkpoints and "new since last look". */
import type {
  ReceivedFilter,
  ReceivedInvoiceRow,
  ReceivedListRequest,
  ReceivedPage,
  ReceivedSubject,
  ReceivedTotals,
} from '../../../shared/ipc/channels/received';
import { receivedListSchema } from '../../../shared/ipc/channels/received';
import { AppError } from '../errors/app-error';
import type { SqliteDatabase } from '../storage/database';
import { groszeToText } from './amounts';
import { importBatch, type ImportBatch, type ImportOutcome } from './archive-import';
import { ftsQuery, orderBy, whereOf, type SqlWhere } from './archive-query';

/** Above this many full-text matches a search walks the sort index instead of sorting the matches. */
const COMMON_SEARCH_MATCHES = 2_000;

interface RowRecord {
  id: number;
  company_nip: string;
  subject: ReceivedSubject;
  ksef_number: string;
  invoice_number: string;
  issue_date: string;
  acquisition_date: string;
  seller_nip: string;
  seller_name: string | null;
  buyer_identifier: string | null;
  buyer_name: string | null;
  net_grosze: number;
  vat_grosze: number;
  gross_grosze: number;
  currency: string;
  kind: string;
  read_at: string | null;
  booked_at: string | null;
  paid_at: string | null;
  note: string | null;
}

const ROW_COLUMNS = `id, company_nip, subject, ksef_number, invoice_number, issue_date, acquisition_date, seller_nip, seller_name,
  buyer_identifier, buyer_name, net_grosze, vat_grosze, gross_grosze, currency, kind, read_at, booked_at, paid_at, note`;

function toRow(record: RowRecord): ReceivedInvoiceRow {
  return {
    id: record.id,
    companyNip: record.company_nip,
    subject: record.subject,
    ksefNumber: record.ksef_number,
    invoiceNumber: record.invoice_number,
    issueDate: record.issue_date,
    acquisitionDate: record.acquisition_date,
    sellerNip: record.seller_nip,
    sellerName: record.seller_name,
    buyerIdentifier: record.buyer_identifier,
    buyerName: record.buyer_name,
    netTotal: groszeToText(record.net_grosze),
    vatTotal: groszeToText(record.vat_grosze),
    grossTotal: groszeToText(record.gross_grosze),
    currency: record.currency,
    kind: record.kind,
    read: record.read_at !== null,
    bookedAt: record.booked_at,
    paidAt: record.paid_at,
    note: record.note,
  };
}

export interface SyncLogEntry {
  companyNip: string;
  subject: ReceivedSubject;
  finishedAt: string;
  checkpoint: string;
  error: string | null;
}

export class ReceivedArchive {
  constructor(
    private readonly database: () => SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get db(): SqliteDatabase {
    return this.database();
  }

  /** The SQL of a filter, with the search plan chosen by how many invoices the words match. */
  private where(filter: ReceivedFilter): SqlWhere {
    const match = filter.q ? ftsQuery(filter.q) : null;
    if (!match) return whereOf(filter);
    const matches = this.db
      .prepare('SELECT count(*) FROM (SELECT 1 FROM received_fts WHERE received_fts MATCH ? LIMIT ?)')
      .pluck()
      .get(match, COMMON_SEARCH_MATCHES + 1) as number;
    return whereOf(filter, { commonSearch: matches > COMMON_SEARCH_MATCHES });
  }

  import(batch: ImportBatch): ImportOutcome {
    return importBatch(this.db, batch, this.now());
  }

  list(request: ReceivedListRequest): ReceivedPage {
    const parsed = receivedListSchema.parse(request);
    const where = this.where(parsed.filter);
    const rows = this.db
      .prepare(`SELECT ${ROW_COLUMNS} FROM received_invoice ${where.sql} ${orderBy(parsed.sort)} LIMIT ? OFFSET ?`)
      .all(...where.params, parsed.limit, parsed.offset) as RowRecord[];
    const total = this.db.prepare(`SELECT count(*) FROM received_invoice ${where.sql}`).pluck().get(...where.params) as number;
    return { rows: rows.map(toRow), total };
  }

  /** Every row of the filtered set, in pages (for exports), in the given order. */
  *iterate(filter: ReceivedFilter, sort?: ReceivedListRequest['sort']): Generator<ReceivedInvoiceRow> {
    const where = this.where(filter);
    const statement = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM received_invoice ${where.sql} ${orderBy(sort)} LIMIT ? OFFSET ?`);
    for (let offset = 0; ; offset += 500) {
      const rows = statement.all(...where.params, 500, offset) as RowRecord[];
      for (const row of rows) yield toRow(row);
      if (rows.length < 500) return;
    }
  }

  count(filter: ReceivedFilter): number {
    const where = this.where(filter);
    return this.db.prepare(`SELECT count(*) FROM received_invoice ${where.sql}`).pluck().get(...where.params) as number;
  }

  totals(filter: ReceivedFilter): ReceivedTotals[] {
    const where = this.where(filter);
    const rows = this.db
      .prepare(
        `SELECT currency, count(*) AS count, sum(net_grosze) AS net, sum(vat_grosze) AS vat, sum(gross_grosze) AS gross
         FROM received_invoice ${where.sql} GROUP BY currency ORDER BY currency = 'PLN' DESC, currency`,
      )
      .all(...where.params) as { currency: string; count: number; net: number; vat: number; gross: number }[];
    return rows.map((row) => ({ currency: row.currency, count: row.count, net: groszeToText(row.net), vat: groszeToText(row.vat), gross: groszeToText(row.gross) }));
  }

  get(id: number): ReceivedInvoiceRow {
    const record = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM received_invoice WHERE id = ?`).get(id) as RowRecord | undefined;
    if (!record) throw new AppError('NOT_FOUND', 'no such received invoice', [`id:${id}`]);
    return toRow(record);
  }

  /** A row by KSeF number (the first company that has it, unless one is given). */
  findByKsefNumber(ksefNumber: string, companyNip?: string): ReceivedInvoiceRow | null {
    const record = this.db
      .prepare(`SELECT ${ROW_COLUMNS} FROM received_invoice WHERE ksef_number = ? ${companyNip ? 'AND company_nip = ?' : ''} ORDER BY id LIMIT 1`)
      .get(...(companyNip ? [ksefNumber, companyNip] : [ksefNumber])) as RowRecord | undefined;
    return record ? toRow(record) : null;
  }

  /** Which of these KSeF numbers the archive already holds for the company and subject. */
  known(companyNip: string, subject: ReceivedSubject, ksefNumbers: readonly string[]): Set<string> {
    const found = new Set<string>();
    const statement = this.db.prepare('SELECT 1 FROM received_invoice WHERE company_nip = ? AND subject = ? AND ksef_number = ?').pluck();
    for (const number of ksefNumbers) if (statement.get(companyNip, subject, number)) found.add(number);
    return found;
  }

  xml(id: number): Buffer {
    const xml = this.db.prepare('SELECT xml FROM received_xml WHERE invoice_id = ?').pluck().get(id) as Buffer | undefined;
    if (!xml) throw new AppError('NOT_FOUND', 'no XML for this invoice', [`id:${id}`]);
    return xml;
  }

  markRead(ids: readonly number[], read: boolean): void {
    const statement = this.db.prepare(`UPDATE received_invoice SET read_at = ${read ? 'coalesce(read_at, ?)' : 'NULL'} WHERE id = ?`);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      for (const id of ids) {
        if (read) statement.run(at, id);
        else statement.run(id);
      }
    })();
  }

  setState(id: number, change: { booked?: boolean; paid?: boolean; note?: string | null }): ReceivedInvoiceRow {
    this.get(id);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      if (change.booked !== undefined) this.db.prepare('UPDATE received_invoice SET booked_at = ? WHERE id = ?').run(change.booked ? at : null, id);
      if (change.paid !== undefined) this.db.prepare('UPDATE received_invoice SET paid_at = ? WHERE id = ?').run(change.paid ? at : null, id);
      if (change.note !== undefined) this.db.prepare('UPDATE received_invoice SET note = ? WHERE id = ?').run(change.note?.trim() || null, id);
    })();
    return this.get(id);
  }

  sellers(companyNip?: string): { nip: string; name: string | null; count: number }[] {
    return this.db
      .prepare(
        `SELECT seller_nip AS nip, max(seller_name) AS name, count(*) AS count FROM received_invoice
         ${companyNip ? 'WHERE company_nip = ?' : ''} GROUP BY seller_nip ORDER BY count DESC LIMIT 500`,
      )
      .all(...(companyNip ? [companyNip] : [])) as { nip: string; name: string | null; count: number }[];
  }

  checkpoint(companyNip: string, subject: ReceivedSubject): string | null {
    return (this.db.prepare('SELECT from_date FROM received_checkpoint WHERE company_nip = ? AND subject = ?').pluck().get(companyNip, subject) as string | undefined) ?? null;
  }

  recordSync(companyNip: string, subject: ReceivedSubject, error: string | null): void {
    this.db
      .prepare(
        `INSERT INTO received_sync_log (company_nip, subject, finished_at, error) VALUES (?, ?, ?, ?)
         ON CONFLICT (company_nip, subject) DO UPDATE SET finished_at = excluded.finished_at, error = excluded.error`,
      )
      .run(companyNip, subject, this.now().toISOString(), error);
  }

  syncLog(): SyncLogEntry[] {
    return this.db
      .prepare(
        `SELECT l.company_nip AS companyNip, l.subject, l.finished_at AS finishedAt, coalesce(c.from_date, '') AS checkpoint, l.error
         FROM received_sync_log l LEFT JOIN received_checkpoint c ON c.company_nip = l.company_nip AND c.subject = l.subject
         ORDER BY l.company_nip, l.subject`,
      )
      .all() as SyncLogEntry[];
  }

  /** New invoices per company since `markSeen`. */
  unseen(): { companyNip: string; unseen: number }[] {
    return this.db
      .prepare(
        `SELECT i.company_nip AS companyNip, count(*) AS unseen FROM received_invoice i
         LEFT JOIN received_seen s ON s.company_nip = i.company_nip
         WHERE i.id > coalesce(s.last_seen_id, 0) GROUP BY i.company_nip ORDER BY i.company_nip`,
      )
      .all() as { companyNip: string; unseen: number }[];
  }

  markSeen(companyNip?: string): void {
    this.db
      .prepare(
        `INSERT INTO received_seen (company_nip, last_seen_id)
         SELECT company_nip, max(id) FROM received_invoice ${companyNip ? 'WHERE company_nip = ?' : ''} GROUP BY company_nip
         ON CONFLICT (company_nip) DO UPDATE SET last_seen_id = excluded.last_seen_id`,
      )
      .run(...(companyNip ? [companyNip] : []));
  }
}
