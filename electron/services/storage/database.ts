import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The profile's embedded database: the outbox (sent invoices) and the received-invoice archive share it. */
export type SqliteDatabase = Database.Database;

/**
 * One schema step. Ids are global and never reused or edited once shipped: prefix them with the owning
 * module (`outbox-001-…`, `received-001-…`). Each runs in its own transaction together with its bookkeeping row.
 */
export interface Migration {
  id: string;
  up: string | ((db: SqliteDatabase) => void);
}

export const DATABASE_FILE_NAME = 'ksef-desk.sqlite';

/**
 * Opens (creating if needed) a SQLite file in WAL mode with owner-only permissions and applies the migrations
 * not yet recorded. Migrations apply in the order given; a failed one rolls back and the error propagates.
 */
export function openDatabase(filePath: string, migrations: readonly Migration[]): SqliteDatabase {
  if (filePath !== ':memory:') {
    mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
    // Create the file 0600 ourselves: SQLite would create it with the process umask.
    if (!existsSync(filePath)) closeSync(openSync(filePath, 'a', 0o600));
  }
  const db = new Database(filePath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    restrictSidecarFiles(filePath);
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const ran: string[] = [];
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (seen.has(migration.id)) throw new Error(`Duplicate migration id ${migration.id}`);
    seen.add(migration.id);
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      record.run(migration.id, new Date().toISOString());
    })();
    ran.push(migration.id);
  }
  return ran;
}

function restrictSidecarFiles(filePath: string): void {
  if (filePath === ':memory:') return;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      chmodSync(filePath + suffix, 0o600);
    } catch {
      // the sidecar may not exist yet; SQLite creates it with the main file's mode
    }
  }
}
