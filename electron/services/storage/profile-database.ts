import path from 'node:path';
import { DATABASE_FILE_NAME, openDatabase, type SqliteDatabase } from './database';
import { ALL_MIGRATIONS } from './migrations';

/**
 * The profile's one database handle, opened on first use (commands that never touch invoices never open it)
 * and closed with the app.
 */
export class ProfileDatabase {
  private handle: SqliteDatabase | null = null;

  constructor(private readonly profileDir: string) {}

  get db(): SqliteDatabase {
    this.handle ??= openDatabase(path.join(this.profileDir, DATABASE_FILE_NAME), ALL_MIGRATIONS);
    return this.handle;
  }

  close(): void {
    this.handle?.close();
    this.handle = null;
  }
}
