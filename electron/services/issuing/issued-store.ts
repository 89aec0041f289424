import { z } from 'zod';
import { issueFormValuesSchema, type IssuedInvoice, type IssueFormValues } from '../../../shared/ipc/channels/issue';
import { AppError } from '../errors/app-error';
import type { SqliteDatabase } from '../storage/database';

const issuedSchema = z.object({
  id: z.string(),
  companyNip: z.string(),
  number: z.string(),
  issueDate: z.string(),
  kind: issueFormValuesSchema.shape.kind.unwrap(),
  buyerName: z.string(),
  grossTotal: z.string(),
  currency: z.string(),
  outboxId: z.string().nullable(),
  ksefNumber: z.string().nullable(),
  issuedAt: z.string(),
});

/** Invoices issued here, with the form they came from (for "copy as a new invoice" and for corrections). */
export class IssuedStore {
  constructor(private readonly db: () => SqliteDatabase) {}

  record(invoice: IssuedInvoice, form: IssueFormValues): void {
    this.db()
      .prepare('INSERT INTO issuing_issued (id, company_nip, number, data, form, issued_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(invoice.id, invoice.companyNip, invoice.number, JSON.stringify(invoice), JSON.stringify(form), invoice.issuedAt);
  }

  /** A fixed rejected invoice takes the place of the record of the one it fixes (same outbox entry). */
  recordFix(invoice: IssuedInvoice, form: IssueFormValues): void {
    const existing = this.db()
      .prepare("SELECT id FROM issuing_issued WHERE company_nip = ? AND json_extract(data, '$.outboxId') = ?")
      .pluck()
      .get(invoice.companyNip, invoice.outboxId) as string | undefined;
    if (existing === undefined) return this.record(invoice, form);
    const kept = { ...invoice, id: existing };
    this.db()
      .prepare('UPDATE issuing_issued SET number = ?, data = ?, form = ?, issued_at = ? WHERE id = ?')
      .run(kept.number, JSON.stringify(kept), JSON.stringify(form), kept.issuedAt, existing);
  }

  list(companyNip: string): IssuedInvoice[] {
    const rows = this.db().prepare('SELECT data FROM issuing_issued WHERE company_nip = ? ORDER BY issued_at DESC').pluck().all(companyNip) as string[];
    return rows.map((data) => issuedSchema.parse(JSON.parse(data)));
  }

  get(id: string): { invoice: IssuedInvoice; form: IssueFormValues } {
    const row = this.db().prepare('SELECT data, form FROM issuing_issued WHERE id = ?').get(id) as { data: string; form: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'no such issued invoice');
    return { invoice: issuedSchema.parse(JSON.parse(row.data)), form: issueFormValuesSchema.parse(JSON.parse(row.form)) };
  }
}
