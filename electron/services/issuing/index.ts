import type { SellerProfile } from '../../../shared/ipc/channels/issue';
import { VAT_RATES } from '../../../shared/domain/invoice/codes';
import type { CompanyStore } from '../companies/company-store';
import type { ProfileDatabase } from '../storage/profile-database';
import { ContractorStore } from './contractor-store';
import { DraftStore } from './draft-store';
import { IssuedStore } from './issued-store';
import { IssueService, type IssuingDocuments, type IssuingOutbox } from './issue-service';
import { NumberingStore } from './numbering/numbering-store';
import { ProductStore } from './product-store';
import { blankSellerProfile, SellerProfileStore } from './seller-profile-store';

export { copyAsNewForm } from './draft-store';
export type { IssuingDocuments, IssuingOutbox } from './issue-service';

export interface IssuingServicesDeps {
  database: ProfileDatabase;
  companies: Pick<CompanyStore, 'find'>;
  documents: IssuingDocuments;
  outbox: () => IssuingOutbox | null;
  clock?: { now(): Date };
  onChange: () => void;
}

export interface IssuingServices {
  profiles: SellerProfileStore;
  contractors: ContractorStore;
  products: ProductStore;
  numbering: NumberingStore;
  drafts: DraftStore;
  issued: IssuedStore;
  service: IssueService;
  /** The stored profile, or a blank one with the company's name from the companies list. */
  sellerProfile(companyNip: string): Promise<SellerProfile>;
  onChange(): void;
}

/** Seller profiles, contractors, products, numbering, drafts and issuing, all on the profile database. */
export function createIssuingServices(deps: IssuingServicesDeps): IssuingServices {
  const db = () => deps.database.db;
  const clock = deps.clock ?? { now: () => new Date() };
  const profiles = new SellerProfileStore(db, clock);
  const contractors = new ContractorStore(db, clock);
  const products = new ProductStore(db, (rate) => (VAT_RATES as readonly string[]).includes(rate), clock);
  const numbering = new NumberingStore(db, clock);
  const drafts = new DraftStore(db, clock);
  const issued = new IssuedStore(db);
  const sellerProfile = async (companyNip: string) =>
    profiles.get(companyNip) ?? blankSellerProfile(companyNip, (await deps.companies.find(companyNip))?.name ?? '');
  const service = new IssueService({
    drafts,
    numbering,
    issued,
    contractors,
    products,
    sellerProfile,
    documents: deps.documents,
    outbox: deps.outbox,
    clock,
    onChange: deps.onChange,
  });
  return { profiles, contractors, products, numbering, drafts, issued, service, sellerProfile, onChange: deps.onChange };
}
