/**
 * The outbox's tables in the profile database (ids `outbox-NNN-…`, never edited once shipped).
 * `outbox_item` holds the invoice bytes and hash from the moment it is accepted, before any network call;
 * its `session_id` / `session_ref` / `invoice_ref` columns are the send journal a restart resumes from.
 */
import type { Migration } from '../storage/database';

export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  {
    id: 'outbox-001-items-sessions-timeline',
    up: `
      CREATE TABLE outbox_item (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'queued', 'sending', 'accepted', 'rejected', 'offline')),
        origin TEXT NOT NULL CHECK (origin IN ('issued', 'imported')),
        file_name TEXT,
        xml BLOB NOT NULL,
        hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        invoice_number TEXT NOT NULL DEFAULT '',
        issue_date TEXT NOT NULL DEFAULT '',
        seller_nip TEXT NOT NULL DEFAULT '',
        buyer_name TEXT NOT NULL DEFAULT '',
        buyer_identifier TEXT NOT NULL DEFAULT '',
        gross_total TEXT NOT NULL DEFAULT '',
        currency TEXT NOT NULL DEFAULT '',
        send_mode TEXT CHECK (send_mode IN ('online', 'batch')),
        offline_mode INTEGER NOT NULL DEFAULT 0,
        corrected_hash TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        session_ref TEXT,
        invoice_ref TEXT,
        session_id TEXT,
        environment TEXT,
        ksef_number TEXT,
        accepted_at TEXT,
        upo_xml TEXT,
        upo_page_ref TEXT,
        error_code TEXT,
        error_description TEXT,
        error_details TEXT
      );
      CREATE INDEX outbox_item_state ON outbox_item (state, created_at);
      CREATE INDEX outbox_item_hash ON outbox_item (hash);
      CREATE INDEX outbox_item_ksef ON outbox_item (ksef_number);
      CREATE INDEX outbox_item_session ON outbox_item (session_id);
      CREATE TABLE outbox_timeline (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        item_id TEXT NOT NULL REFERENCES outbox_item (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        state TEXT NOT NULL,
        note TEXT
      );
      CREATE INDEX outbox_timeline_item ON outbox_timeline (item_id, seq);
      CREATE TABLE outbox_session (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('online', 'batch')),
        context_nip TEXT NOT NULL,
        environment TEXT NOT NULL,
        reference_number TEXT,
        step TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE outbox_upo_page (
        session_ref TEXT NOT NULL,
        upo_ref TEXT NOT NULL,
        xml TEXT NOT NULL,
        PRIMARY KEY (session_ref, upo_ref)
      );
    `,
  },
];
