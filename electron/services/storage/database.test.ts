import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase, type Migration } from './database';

const migrations: Migration[] = [
  { id: 'test-001-items', up: 'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)' },
  { id: 'test-002-seed', up: (db) => db.prepare('INSERT INTO items (name) VALUES (?)').run('first') },
];

describe('openDatabase', () => {
  it('creates an owner-only WAL database and applies each migration once across reopenings', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ksef-db-')), 'db.sqlite');
    const first = openDatabase(file, migrations);
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    first.close();
    const second = openDatabase(file, migrations);
    expect(second.prepare('SELECT count(*) FROM items').pluck().get()).toBe(1);
    second.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rolls back a failing migration and keeps it unrecorded', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ksef-db-')), 'db.sqlite');
    const db = openDatabase(file, migrations);
    const broken: Migration = { id: 'test-003-broken', up: 'CREATE TABLE other (id INTEGER); INSERT INTO missing VALUES (1)' };
    expect(() => applyMigrations(db, [...migrations, broken])).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'other'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(2);
    db.close();
  });

  it('refuses duplicate migration ids', () => {
    const db = openDatabase(':memory:', []);
    expect(() => applyMigrations(db, [migrations[0]!, migrations[0]!])).toThrow(/Duplicate/);
    db.close();
  });
});
