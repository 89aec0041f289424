import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { problemDetails, productProblems } from '../../../shared/domain/issuing/book-rules';
import { PRICE_MODES, type Product, type ProductInput } from '../../../shared/ipc/channels/issue';
import { AppError } from '../errors/app-error';
import type { SqliteDatabase } from '../storage/database';
import { likePattern, LIST_LIMIT } from './search';

const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  priceMode: z.enum(PRICE_MODES),
  price: z.string(),
  rate: z.string(),
  pkwiu: z.string(),
  gtu: z.string(),
  // Entries saved before Annex 15 was kept on products have none.
  annex15: z.boolean().default(false),
  updatedAt: z.string(),
});

/** Products and services of one company, offered by name as the user types an invoice line. */
export class ProductStore {
  constructor(
    private readonly db: () => SqliteDatabase,
    private readonly isKnownRate: (rate: string) => boolean,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  list(companyNip: string, query = ''): Product[] {
    const rows = this.db()
      .prepare(`SELECT data FROM issuing_products WHERE company_nip = ? AND name LIKE ? ESCAPE '\\' ORDER BY name COLLATE NOCASE LIMIT ?`)
      .pluck()
      .all(companyNip, likePattern(query), LIST_LIMIT) as string[];
    return rows.map((data) => productSchema.parse(JSON.parse(data)));
  }

  /**
   * Names are how users pick products, so a name is listed once. Without an id, saving a listed name updates
   * that entry (how issued invoices feed the list) unless `asNew` asks for a new entry only: then ALREADY_EXISTS.
   */
  save(companyNip: string, input: ProductInput, { asNew = false }: { asNew?: boolean } = {}): Product {
    const problems = productProblems(input);
    if (!this.isKnownRate(input.rate)) problems.rate = 'RATE';
    if (Object.keys(problems).length > 0) throw new AppError('INVALID_INPUT', 'product not valid', problemDetails(problems));
    return this.db().transaction(() => {
      const sameName = this.db().prepare('SELECT id FROM issuing_products WHERE company_nip = ? AND name = ? COLLATE NOCASE').pluck().get(companyNip, input.name);
      const id = input.id ?? (typeof sameName === 'string' && !asNew ? sameName : randomUUID());
      if (input.id && this.db().prepare('SELECT 1 FROM issuing_products WHERE company_nip = ? AND id = ?').get(companyNip, input.id) === undefined) {
        throw new AppError('NOT_FOUND', 'no such product');
      }
      if (typeof sameName === 'string' && sameName !== id) throw new AppError('ALREADY_EXISTS', 'name in the list', ['name:DUPLICATE']);
      const product: Product = { ...input, id, updatedAt: this.clock.now().toISOString() };
      this.db()
        .prepare(
          `INSERT INTO issuing_products (id, company_nip, name, data, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data, updated_at = excluded.updated_at`,
        )
        .run(id, companyNip, product.name, JSON.stringify(product), product.updatedAt);
      return product;
    }).immediate();
  }

  remove(companyNip: string, id: string): void {
    const result = this.db().prepare('DELETE FROM issuing_products WHERE company_nip = ? AND id = ?').run(companyNip, id);
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'no such product');
  }
}
