import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkBuyerIdentifier, normalizeBuyerIdentifier } from '../../../shared/domain/buyer-identifier';
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

  save(companyNip: string, input: ContractorInput): Contractor {
    const idInput = { type: input.identifierType, identifier: input.identifier, country: input.identifierCountry };
    const problem = checkBuyerIdentifier(idInput);
    if (problem) throw new AppError(input.identifierType === 'NIP' ? 'INVALID_NIP' : 'INVALID_INPUT', problem, [`identifier:${problem}`]);
    const identifier = normalizeBuyerIdentifier(idInput);
    const identifierCountry = input.identifierType === 'EU_VAT' || input.identifierType === 'FOREIGN' ? input.identifierCountry : '';
    const key = input.identifierType === 'NONE' ? `NONE:${input.name.toLowerCase()}` : `${input.identifierType}:${identifierCountry}${identifier}`;
    return this.db().transaction(() => {
      const sameIdentifier = this.db().prepare('SELECT id FROM issuing_contractors WHERE company_nip = ? AND identifier_key = ?').pluck().get(companyNip, key);
      const id = input.id ?? (typeof sameIdentifier === 'string' ? sameIdentifier : randomUUID());
      if (input.id && !this.exists(companyNip, input.id)) throw new AppError('NOT_FOUND', 'no such contractor');
      if (typeof sameIdentifier === 'string' && sameIdentifier !== id) throw new AppError('ALREADY_EXISTS', 'identifier in the book', [`identifier:${key}`]);
      const contractor: Contractor = {
        id,
        identifierType: input.identifierType,
        identifier,
        identifierCountry,
        name: input.name,
        address: input.address,
        email: input.email,
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
