import type { Migration } from '../storage/database';

/**
 * Issuing's tables in the profile database. Small records keep their full JSON in `data` (checked with zod
 * on every read); the columns beside it are only what lists filter and sort by.
 */
export const ISSUING_MIGRATIONS: readonly Migration[] = [
  {
    id: 'issuing-001-tables',
    up: `
      CREATE TABLE issuing_seller_profiles (
        company_nip TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE issuing_contractors (
        id TEXT PRIMARY KEY,
        company_nip TEXT NOT NULL,
        name TEXT NOT NULL,
        identifier_key TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX issuing_contractors_company ON issuing_contractors (company_nip, name);
      CREATE TABLE issuing_products (
        id TEXT PRIMARY KEY,
        company_nip TEXT NOT NULL,
        name TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX issuing_products_company ON issuing_products (company_nip, name);
      CREATE TABLE issuing_series (
        id TEXT PRIMARY KEY,
        company_nip TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX issuing_series_company ON issuing_series (company_nip);
      -- The last number handed out per series and period ('' for never, '2026', '2026-03', '2026-03-15').
      CREATE TABLE issuing_series_counters (
        series_id TEXT NOT NULL,
        period TEXT NOT NULL,
        last_number INTEGER NOT NULL,
        PRIMARY KEY (series_id, period)
      );
      -- Every number ever given to an issued invoice of a company: never given again.
      CREATE TABLE issuing_used_numbers (
        company_nip TEXT NOT NULL,
        number TEXT NOT NULL,
        series_id TEXT,
        used_at TEXT NOT NULL,
        PRIMARY KEY (company_nip, number)
      );
      CREATE TABLE issuing_drafts (
        id TEXT PRIMARY KEY,
        company_nip TEXT NOT NULL,
        form TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX issuing_drafts_company ON issuing_drafts (company_nip, updated_at);
      CREATE TABLE issuing_issued (
        id TEXT PRIMARY KEY,
        company_nip TEXT NOT NULL,
        number TEXT NOT NULL,
        data TEXT NOT NULL,
        form TEXT NOT NULL,
        issued_at TEXT NOT NULL
      );
      CREATE INDEX issuing_issued_company ON issuing_issued (company_nip, issued_at);
    `,
  },
];
