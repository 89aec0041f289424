/** Schema of the received-invoice archive in the profile database (ids `received-NNN-…`, never edited once shipped). */
import type { Migration } from '../storage/database';

export const RECEIVED_MIGRATIONS: readonly Migration[] = [
  {
    id: 'received-001-archive',
    up: `
      CREATE TABLE received_invoice (
        id INTEGER PRIMARY KEY,
        company_nip TEXT NOT NULL,
        subject TEXT NOT NULL,
        ksef_number TEXT NOT NULL,
        invoice_number TEXT NOT NULL,
        issue_date TEXT NOT NULL,
        invoicing_date TEXT NOT NULL,
        acquisition_date TEXT NOT NULL,
        permanent_storage_date TEXT NOT NULL,
        seller_nip TEXT NOT NULL,
        seller_name TEXT,
        buyer_identifier TEXT,
        buyer_name TEXT,
        net_grosze INTEGER NOT NULL,
        vat_grosze INTEGER NOT NULL,
        gross_grosze INTEGER NOT NULL,
        currency TEXT NOT NULL,
        kind TEXT NOT NULL,
        invoicing_mode TEXT NOT NULL,
        invoice_hash TEXT NOT NULL,
        metadata_json TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        read_at TEXT,
        booked_at TEXT,
        paid_at TEXT,
        note TEXT,
        UNIQUE (company_nip, subject, ksef_number)
      );
      CREATE INDEX received_by_issue ON received_invoice (company_nip, subject, issue_date, id);
      CREATE INDEX received_by_acquisition ON received_invoice (company_nip, subject, acquisition_date);
      CREATE INDEX received_by_seller ON received_invoice (company_nip, subject, seller_nip, issue_date);
      CREATE INDEX received_by_gross ON received_invoice (company_nip, subject, gross_grosze);
      -- Covers the per-currency totals of a date range without touching the rows.
      CREATE INDEX received_totals ON received_invoice (company_nip, subject, issue_date, currency, net_grosze, vat_grosze, gross_grosze);
      CREATE INDEX received_by_issue_all ON received_invoice (issue_date, id);
      -- The bytes KSeF holds, in the same database so a row, its XML and the checkpoint commit together.
      CREATE TABLE received_xml (
        invoice_id INTEGER PRIMARY KEY REFERENCES received_invoice (id) ON DELETE CASCADE,
        xml BLOB NOT NULL
      );
      CREATE VIRTUAL TABLE received_fts USING fts5 (parties, numbers, lines, tokenize = 'unicode61 remove_diacritics 2');
      -- Where the next incremental sync starts (PermanentStorage date, inclusive) per company and subject.
      CREATE TABLE received_checkpoint (
        company_nip TEXT NOT NULL,
        subject TEXT NOT NULL,
        from_date TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (company_nip, subject)
      );
      CREATE TABLE received_sync_log (
        company_nip TEXT NOT NULL,
        subject TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        error TEXT,
        PRIMARY KEY (company_nip, subject)
      );
      -- "New since the last look": invoices with a larger id than the last one the user saw.
      CREATE TABLE received_seen (company_nip TEXT PRIMARY KEY, last_seen_id INTEGER NOT NULL);
    `,
  },
];
