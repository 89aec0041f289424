import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { normalizeBuyerIdentifier } from '../../../shared/domain/buyer-identifier';
import { contractorProblems, problemDetails } from '../../../shared/domain/issuing/book-rules';
import { BUYER_IDENTIFIER_TYPES, type Contractor, type ContractorInput } from '../../../shared/ipc/channels/issue';
import { AppError } from '../errors/app-error';
import type { SqliteDatabase } from '../storage/database';
import { likePattern, LIST_LIMIT } from './search';

const contractorSchema = z.object({
  id: z.string(),
  identifierType: z.enum(BUYER_IDENTIFIER_TYPES),
  identifier: z.string(),
  identifierCountry: z.string(),
  name: z.string(),
  address: z.object({ line1: z.string(), line2: z.string(), countryCode: z.string() }),
  email: z.string(),
  updatedAt: z.string(),
});

/**
 * The contractors book of one company. An identifier appears once: saving a buyer whose NIP (or EU VAT
 * number, or foreign id) is already in the book updates that entry. Consumers (no identifier) are kept by name.
 */
export class ContractorStore {
  constructor(
    private readonly db: () => SqliteDatabase,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  list(companyNip: string, query = ''): Contractor[] {
    const pattern = likePattern(query);
    const rows = this.db()
      .prepare(
        `SELECT data FROM issuing_contractors WHERE company_nip = ? AND (name LIKE ? ESCAPE '\\' OR identifier_key LIKE ? ESCAPE '\\')
         ORDER BY name COLLATE NOCASE LIMIT ?`,
      )
      .pluck()
      .all(companyNip, pattern, pattern, LIST_LIMIT) as string[];
    return rows.map((data) => contractorSchema.parse(JSON.parse(data)));
  }

  /**
   * Adds or updates an entry. Without an id, an entry with the same identifier is updated (how issued invoices
   * feed the book) unless `asNew` asks for a new entry only (a user adding one by hand): then ALREADY_EXISTS.
   */
  save(companyNip: string, input: ContractorInput, { asNew = false }: { asNew?: boolean } = {}): Contractor {
    const problems = contractorProblems(input);
    if (Object.keys(problems).length > 0) {
      const nipProblem = input.identifierType === 'NIP' && problems.identifier !== undefined;
      throw new AppError(nipProblem ? 'INVALID_NIP' : 'INVALID_INPUT', 'contractor not valid', problemDetails(problems));
    }
    const idInput = { type: input.identifierType, identifier: input.identifier, country: input.identifierCountry };
    const identifier = normalizeBuyerIdentifier(idInput);
    const identifierCountry = input.identifierType === 'EU_VAT' || input.identifierType === 'FOREIGN' ? input.identifierCountry : '';
    const key = input.identifierType === 'NONE' ? `NONE:${input.name.toLowerCase()}` : `${input.identifierType}:${identifierCountry}${identifier}`;
    return this.db().transaction(() => {
      const sameIdentifier = this.db().prepare('SELECT id FROM issuing_contractors WHERE company_nip = ? AND identifier_key = ?').pluck().get(companyNip, key);
      const id = input.id ?? (typeof sameIdentifier === 'string' && !asNew ? sameIdentifier : randomUUID());
      if (input.id && !this.exists(companyNip, input.id)) throw new AppError('NOT_FOUND', 'no such contractor');
      if (typeof sameIdentifier === 'string' && sameIdentifier !== id) {
        // A consumer is told apart by name; everyone else by the identifier.
        throw new AppError('ALREADY_EXISTS', 'identifier in the book', [input.identifierType === 'NONE' ? 'name:DUPLICATE' : 'identifier:DUPLICATE']);
      }
      const contractor: Contractor = {
        id,
        identifierType: input.identifierType,
        identifier,
        identifierCountry,
        name: input.name,
        address: input.address,
        email: input.email.trim(),
        updatedAt: this.clock.now().toISOString(),
      };
      this.db()
        .prepare(
          `INSERT INTO issuing_contractors (id, company_nip, name, identifier_key, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, identifier_key = excluded.identifier_key, data = excluded.data, updated_at = excluded.updated_at`,
        )
        .run(id, companyNip, contractor.name, key, JSON.stringify(contractor), contractor.updatedAt);
      return contractor;
    }).immediate();
  }

  remove(companyNip: string, id: string): void {
    const result = this.db().prepare('DELETE FROM issuing_contractors WHERE company_nip = ? AND id = ?').run(companyNip, id);
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'no such contractor');
  }

  private exists(companyNip: string, id: string): boolean {
    return this.db().prepare('SELECT 1 FROM issuing_contractors WHERE company_nip = ? AND id = ?').get(companyNip, id) !== undefined;
  }
}
