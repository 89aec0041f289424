import { isValidIban, normalizeAccountNumber } from '../../../shared/domain/invoice/iban';
import { sellerProfileSchema, type SellerProfile } from '../../../shared/ipc/channels/issue';
import { AppError } from '../errors/app-error';
import type { SqliteDatabase } from '../storage/database';

export { blankSellerProfile } from '../../../shared/domain/issuing/seller-profile';

/** The seller's own data per company NIP: address, bank accounts (IBAN-checked), registers, defaults. */
export class SellerProfileStore {
  constructor(
    private readonly db: () => SqliteDatabase,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  get(nip: string): SellerProfile | null {
    const data = this.db().prepare('SELECT data FROM issuing_seller_profiles WHERE company_nip = ?').pluck().get(nip);
    if (typeof data !== 'string') return null;
    const parsed = sellerProfileSchema.safeParse(JSON.parse(data));
    if (!parsed.success) throw new AppError('STORAGE_ERROR', 'seller profile is invalid', ['issuing_seller_profiles']);
    return parsed.data;
  }

  save(profile: SellerProfile): SellerProfile {
    const bankAccounts = profile.bankAccounts.map((account, index) => {
      if (!isValidIban(account.iban)) throw new AppError('INVALID_INPUT', 'invalid IBAN', [`bankAccounts.${index}.iban`]);
      return { ...account, iban: normalizeAccountNumber(account.iban) };
    });
    const stored = sellerProfileSchema.parse({ ...profile, bankAccounts });
    this.db()
      .prepare(
        `INSERT INTO issuing_seller_profiles (company_nip, data, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (company_nip) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(stored.nip, JSON.stringify(stored), this.clock.now().toISOString());
    return stored;
  }
}
