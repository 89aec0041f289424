import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../storage/database';
import { ISSUING_MIGRATIONS } from '../migrations';
import { NumberingStore } from './numbering-store';

const NIP = '5265877635';
const opened: SqliteDatabase[] = [];

function openFile(file: string): NumberingStore {
  const db = openDatabase(file, ISSUING_MIGRATIONS);
  opened.push(db);
  return new NumberingStore(() => db);
}

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'ksef-numbering-')), 'db.sqlite');
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('NumberingStore', () => {
  it('starts a company with an invoice and a correction series and proposes without reserving', () => {
    const store = openFile(tempFile());
    const [invoices, corrections] = store.list(NIP);
    expect(invoices).toMatchObject({ pattern: 'FV/{nr}/{MM}/{RRRR}', isDefault: true });
    expect(corrections).toMatchObject({ pattern: 'KOR/{nr}/{MM}/{RRRR}', isDefault: false });
    expect(store.propose(NIP, invoices!.id, '2026-03-09')).toBe('FV/1/03/2026');
    expect(store.propose(NIP, invoices!.id, '2026-03-09')).toBe('FV/1/03/2026');
    expect(store.allocate(NIP, invoices!.id, '2026-03-09')).toBe('FV/1/03/2026');
    expect(store.propose(NIP, invoices!.id, '2026-03-10')).toBe('FV/2/03/2026');
  });

  it('restarts the counter each month for a monthly pattern, and each year when configured so', () => {
    const store = openFile(tempFile());
    const series = store.list(NIP)[0]!;
    expect(store.allocate(NIP, series.id, '2026-03-31')).toBe('FV/1/03/2026');
    expect(store.allocate(NIP, series.id, '2026-03-31')).toBe('FV/2/03/2026');
    expect(store.allocate(NIP, series.id, '2026-04-01')).toBe('FV/1/04/2026');
    const yearly = store.save(NIP, { name: 'Roczna', pattern: 'R/{nr}/{MM}/{RRRR}', reset: 'yearly', isDefault: false });
    expect(store.allocate(NIP, yearly.id, '2026-03-31')).toBe('R/1/03/2026');
    expect(store.allocate(NIP, yearly.id, '2026-04-01')).toBe('R/2/04/2026');
    expect(store.allocate(NIP, yearly.id, '2027-01-02')).toBe('R/1/01/2027');
  });

  it('never gives a number twice: across a restart, across two connections, and around numbers typed by hand', () => {
    const file = tempFile();
    const first = openFile(file);
    const series = first.list(NIP)[0]!;
    expect(first.allocate(NIP, series.id, '2026-05-05')).toBe('FV/1/05/2026');
    first.reserve(NIP, 'FV/2/05/2026'); // typed by hand on an earlier invoice
    expect(() => first.reserve(NIP, 'FV/1/05/2026')).toThrow(expect.objectContaining({ code: 'ALREADY_EXISTS' }));

    const restarted = openFile(file); // a second handle: a restart, or the CLI beside the app
    expect(restarted.allocate(NIP, series.id, '2026-05-06')).toBe('FV/3/05/2026');
    const numbers = new Set<string>();
    for (let index = 0; index < 40; index++) {
      const store = index % 2 === 0 ? first : restarted;
      numbers.add(store.allocate(NIP, series.id, '2026-05-07'));
    }
    expect(numbers.size).toBe(40);
    expect([...numbers]).not.toContain('FV/2/05/2026');
    expect([...numbers]).not.toContain('FV/3/05/2026');
  });

  it('keeps every number of many concurrent issues distinct', async () => {
    const store = openFile(tempFile());
    const series = store.list(NIP)[0]!;
    const numbers = await Promise.all(Array.from({ length: 50 }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, index % 3));
      return store.allocate(NIP, series.id, '2026-06-01');
    }));
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.map((number) => Number(number.split('/')[1])).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
  });

  it('keeps numbers distinct when several processes issue from the same profile at once', async () => {
    const file = tempFile();
    const store = openFile(file); // applies the migrations and creates the series before the workers start
    const series = store.list(NIP)[0]!;
    const worker = path.join(__dirname, 'testing', 'allocate-worker.ts');
    const run = () =>
      new Promise<string[]>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', worker, file, NIP, series.id, '2026-08-01', '20'], (error, stdout) =>
          error ? reject(error) : resolve(JSON.parse(stdout) as string[]),
        );
      });
    const batches = await Promise.all([run(), run(), run()]);
    const numbers = batches.flat();
    expect(new Set(numbers).size).toBe(60);
    expect(numbers.map((number) => Number(number.split('/')[1])).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(store.allocate(NIP, series.id, '2026-08-02')).toBe('FV/61/08/2026');
  });

  it('does not let a counter edit bring an old number back', () => {
    const store = openFile(tempFile());
    const series = store.list(NIP)[0]!;
    store.allocate(NIP, series.id, '2026-07-01');
    store.allocate(NIP, series.id, '2026-07-01');
    // The user switches the series to never resetting: its counter starts at 1 again, but 1 and 2 of July are taken.
    store.save(NIP, { ...series, reset: 'never' });
    expect(store.allocate(NIP, series.id, '2026-07-03')).toBe('FV/3/07/2026');
  });

  it('refuses a pattern that would repeat numbers and keeps one default series', () => {
    const store = openFile(tempFile());
    expect(() => store.save(NIP, { name: 'Zła', pattern: 'FV/{nr}', reset: 'monthly', isDefault: false })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', details: ['pattern:RESET_NEEDS_DATE_PARTS'] }),
    );
    const added = store.save(NIP, { name: 'Sklep', pattern: 'S/{nr}/{RRRR}', reset: 'auto', isDefault: true });
    expect(store.list(NIP).filter((series) => series.isDefault).map((series) => series.id)).toEqual([added.id]);
    expect(store.list('1111111111')).toHaveLength(2); // another company has its own series
  });
});
