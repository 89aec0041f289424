import { randomUUID } from 'node:crypto';
import { issueFormValuesSchema, type Draft, type DraftSummary, type IssueFormValues } from '../../../shared/ipc/channels/issue';
import { AppError } from '../errors/app-error';
import type { SqliteDatabase } from '../storage/database';

interface DraftRow {
  id: string;
  company_nip: string;
  form: string;
  created_at: string;
  updated_at: string;
}

/**
 * Drafts of the issuing form, saved by main as the user types (the renderer debounces) so they survive a
 * restart or a crash. A draft has no number of its own: the series gives one only on issue.
 */
export class DraftStore {
  constructor(
    private readonly db: () => SqliteDatabase,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  list(companyNip: string): DraftSummary[] {
    const rows = this.db().prepare('SELECT * FROM issuing_drafts WHERE company_nip = ? ORDER BY updated_at DESC').all(companyNip) as DraftRow[];
    return rows.map((row) => summarize(toDraft(row)));
  }

  get(id: string): Draft {
    const row = this.db().prepare('SELECT * FROM issuing_drafts WHERE id = ?').get(id) as DraftRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'no such draft');
    return toDraft(row);
  }

  /** Creates the draft (no id) or replaces its form; a draft of another company is not overwritten. */
  save(companyNip: string, form: IssueFormValues, id?: string): DraftSummary {
    const now = this.clock.now().toISOString();
    if (!id) {
      const created = randomUUID();
      this.db().prepare('INSERT INTO issuing_drafts (id, company_nip, form, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(created, companyNip, JSON.stringify(form), now, now);
      return summarize(this.get(created));
    }
    const result = this.db().prepare('UPDATE issuing_drafts SET form = ?, updated_at = ? WHERE id = ? AND company_nip = ?').run(JSON.stringify(form), now, id, companyNip);
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'no such draft');
    return summarize(this.get(id));
  }

  remove(id: string): void {
    const result = this.db().prepare('DELETE FROM issuing_drafts WHERE id = ?').run(id);
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'no such draft');
  }
}

function toDraft(row: DraftRow): Draft {
  const parsed = issueFormValuesSchema.safeParse(JSON.parse(row.form));
  if (!parsed.success) throw new AppError('STORAGE_ERROR', 'draft is invalid', ['issuing_drafts']);
  return { ...summarize({ id: row.id, companyNip: row.company_nip, createdAt: row.created_at, updatedAt: row.updated_at, form: parsed.data }), form: parsed.data };
}

function summarize(draft: Pick<Draft, 'id' | 'companyNip' | 'createdAt' | 'updatedAt' | 'form'>): DraftSummary {
  const { form } = draft;
  return {
    id: draft.id,
    companyNip: draft.companyNip,
    kind: form.kind,
    buyerName: form.buyer.name,
    number: form.number,
    issueDate: form.issueDate,
    lineCount: form.lines.filter((line) => line.name.trim() !== '').length,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}

/**
 * "Copy as a new invoice": the same buyer, lines, currency and payment method, but no number, no dates
 * and no correction data — those belong to the new document.
 */
export function copyAsNewForm(form: IssueFormValues): IssueFormValues {
  const blank = issueFormValuesSchema.parse({});
  return {
    ...form,
    kind: form.kind === 'KOR' ? 'VAT' : form.kind,
    number: '',
    issueDate: '',
    saleDate: '',
    exchangeRate: '',
    exchangeRateDate: '',
    payment: { ...form.payment, dueDate: '', paid: false, paidDate: '' },
    correction: blank.correction,
    // The advance received belongs to the copied invoice; the advance invoices a settlement lists stay to be reviewed.
    advance: { ...form.advance, received: '', receivedDate: '' },
    replacesOutboxId: null,
  };
}
