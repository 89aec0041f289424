/** Tables of offline issuing in the profile database (ids `offline-NNN-…`, never edited once shipped). */
import type { Migration } from '../../storage/database';

export const OFFLINE_MIGRATIONS: readonly Migration[] = [
  {
    id: 'offline-001-codes-and-outages',
    up: `
      CREATE TABLE offline_invoice (
        outbox_id TEXT PRIMARY KEY,
        mode TEXT NOT NULL CHECK (mode IN ('offline24', 'unavailability', 'emergency')),
        issue_date TEXT NOT NULL,
        seller_nip TEXT NOT NULL,
        invoice_hash TEXT NOT NULL,
        kod1_url TEXT NOT NULL,
        kod2_url TEXT,
        certificate_serial TEXT,
        kod2_problem TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE outage_period (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('unavailability', 'emergency')),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        source TEXT NOT NULL CHECK (source IN ('detected', 'announced'))
      );
      CREATE TABLE offline_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE technical_correction (
        original_outbox_id TEXT NOT NULL,
        corrected_hash TEXT NOT NULL,
        correction_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (original_outbox_id, correction_hash)
      );
    `,
  },
];
