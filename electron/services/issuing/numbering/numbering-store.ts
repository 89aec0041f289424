import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SERIES_RESETS, type NumberingSeries, type SeriesInput } from '../../../../shared/ipc/channels/issue';
import { AppError } from '../../errors/app-error';
import type { SqliteDatabase } from '../../storage/database';
import { checkPattern, effectiveReset, periodKey, renderNumber } from './pattern';

const seriesSchema = z.object({
  id: z.string(),
  name: z.string(),
  pattern: z.string(),
  reset: z.enum(SERIES_RESETS),
  isDefault: z.boolean(),
});

/** A new company starts with these; the user edits or adds more. */
const STARTER_SERIES: Omit<NumberingSeries, 'id'>[] = [
  { name: 'Faktury', pattern: 'FV/{nr}/{MM}/{RRRR}', reset: 'auto', isDefault: true },
  { name: 'Korekty', pattern: 'KOR/{nr}/{MM}/{RRRR}', reset: 'auto', isDefault: false },
];

/** Guards against a pattern whose every candidate is taken (numbers typed by hand earlier). */
const MAX_SKIPS = 100_000;

/**
 * Numbering series and the numbers they hand out. A number is given only when an invoice is issued,
 * in one IMMEDIATE transaction that records it as used before it is returned, so no number is ever
 * given twice: not after a crash, not to two windows or processes at once, not after a counter edit.
 * Drafts carry no number, so deleting a draft consumes nothing; an issue that fails after the number was
 * given leaves a gap rather than risk a duplicate.
 */
export class NumberingStore {
  constructor(
    private readonly db: () => SqliteDatabase,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  list(companyNip: string): NumberingSeries[] {
    const rows = this.rows(companyNip);
    if (rows.length > 0) return rows;
    const insert = this.db().prepare('INSERT INTO issuing_series (id, company_nip, data) VALUES (?, ?, ?)');
    this.db().transaction(() => {
      if (this.rows(companyNip).length > 0) return;
      for (const starter of STARTER_SERIES) {
        const id = randomUUID();
        insert.run(id, companyNip, JSON.stringify({ id, ...starter }));
      }
    }).immediate();
    return this.rows(companyNip);
  }

  save(companyNip: string, input: SeriesInput): NumberingSeries {
    const problem = checkPattern(input.pattern, input.reset);
    if (problem) throw new AppError('INVALID_INPUT', `pattern: ${problem}`, [`pattern:${problem}`]);
    const series: NumberingSeries = { id: input.id ?? randomUUID(), name: input.name, pattern: input.pattern, reset: input.reset, isDefault: input.isDefault };
    this.db().transaction(() => {
      const existing = this.rows(companyNip);
      if (input.id && !existing.some((row) => row.id === input.id)) throw new AppError('NOT_FOUND', 'no such series');
      if (series.isDefault) {
        for (const other of existing.filter((row) => row.isDefault && row.id !== series.id)) this.write(companyNip, { ...other, isDefault: false });
      }
      this.write(companyNip, series);
    }).immediate();
    return series;
  }

  /** The number the series would give an invoice issued on this date now (nothing is reserved). */
  propose(companyNip: string, seriesId: string, issueDate: string): string {
    const series = this.find(companyNip, seriesId);
    return this.nextFree(companyNip, series, issueDate).number;
  }

  /** Gives the next number for good: recorded as used (and the counter advanced) before it is returned. */
  allocate(companyNip: string, seriesId: string, issueDate: string): string {
    return this.db().transaction(() => {
      const series = this.find(companyNip, seriesId);
      const { number, counter, period } = this.nextFree(companyNip, series, issueDate);
      this.markUsed(companyNip, number, series.id);
      this.db()
        .prepare(
          `INSERT INTO issuing_series_counters (series_id, period, last_number) VALUES (?, ?, ?)
           ON CONFLICT (series_id, period) DO UPDATE SET last_number = excluded.last_number`,
        )
        .run(series.id, period, counter);
      return number;
    }).immediate();
  }

  /** A number typed by hand: refused if any invoice of the company already has it. */
  reserve(companyNip: string, number: string): void {
    this.db().transaction(() => {
      if (this.isUsed(companyNip, number)) throw new AppError('ALREADY_EXISTS', 'number already used', [`number:${number}`]);
      this.markUsed(companyNip, number, null);
    }).immediate();
  }

  isUsed(companyNip: string, number: string): boolean {
    return this.db().prepare('SELECT 1 FROM issuing_used_numbers WHERE company_nip = ? AND number = ?').get(companyNip, number) !== undefined;
  }

  private nextFree(companyNip: string, series: NumberingSeries, issueDate: string) {
    const period = periodKey(effectiveReset(series.pattern, series.reset), issueDate);
    const last = this.db().prepare('SELECT last_number FROM issuing_series_counters WHERE series_id = ? AND period = ?').pluck().get(series.id, period);
    let counter = (typeof last === 'number' ? last : 0) + 1;
    for (let skips = 0; skips < MAX_SKIPS; skips++, counter++) {
      const number = renderNumber(series.pattern, counter, issueDate);
      if (!this.isUsed(companyNip, number)) return { number, counter, period };
    }
    throw new AppError('INVALID_INPUT', 'series exhausted', ['pattern:EXHAUSTED']);
  }

  private markUsed(companyNip: string, number: string, seriesId: string | null): void {
    this.db()
      .prepare('INSERT INTO issuing_used_numbers (company_nip, number, series_id, used_at) VALUES (?, ?, ?, ?)')
      .run(companyNip, number, seriesId, this.clock.now().toISOString());
  }

  private find(companyNip: string, seriesId: string): NumberingSeries {
    const series = this.list(companyNip).find((row) => row.id === seriesId);
    if (!series) throw new AppError('NOT_FOUND', 'no such series');
    return series;
  }

  private rows(companyNip: string): NumberingSeries[] {
    const rows = this.db().prepare('SELECT data FROM issuing_series WHERE company_nip = ? ORDER BY rowid').pluck().all(companyNip) as string[];
    return rows.map((data) => seriesSchema.parse(JSON.parse(data)));
  }

  private write(companyNip: string, series: NumberingSeries): void {
    this.db()
      .prepare('INSERT INTO issuing_series (id, company_nip, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data')
      .run(series.id, companyNip, JSON.stringify(series));
  }
}
