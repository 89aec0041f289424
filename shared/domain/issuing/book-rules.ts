/**
 * Checks of a contractors-book entry and a products-list entry, shared by the editors (shown at the field
 * before saving) and the stores in main (which refuse what the editors would). Each problem is a code the
 * renderer words in Polish or English; identifier problems are those of buyer-identifier.ts.
 */
import type { ContractorInput, ProductInput } from '../../ipc/channels/issue';
import { checkBuyerIdentifier, type BuyerIdentifierProblem } from '../buyer-identifier';
import { GTU_CODES, VAT_RATES } from '../invoice/codes';
import { isCountryCode } from '../invoice/code-lists';

export const BOOK_LIMITS = { name: 512, addressLine: 512, email: 255, unit: 32, pkwiu: 32 } as const;

export type BookFieldProblem = 'REQUIRED' | 'TOO_LONG' | 'EMAIL_FORMAT' | 'COUNTRY' | 'PRICE_FORMAT' | 'RATE' | 'GTU' | 'DUPLICATE';

export type ContractorField = 'identifier' | 'identifierCountry' | 'name' | 'addressLine1' | 'addressLine2' | 'addressCountry' | 'email';
export type ProductField = 'name' | 'unit' | 'price' | 'rate' | 'pkwiu' | 'gtu';

export type ContractorProblems = Partial<Record<ContractorField, BookFieldProblem | BuyerIdentifierProblem>>;
export type ProductProblems = Partial<Record<ProductField, BookFieldProblem>>;

/** Every identifier problem once (the compiler insists), to tell them from the book's own codes. */
const IDENTIFIER_PROBLEMS: Record<BuyerIdentifierProblem, true> = {
  NIP_EMPTY: true, NIP_FORMAT: true, NIP_CHECKSUM: true, EU_COUNTRY: true, EU_VAT_FORMAT: true, FOREIGN_EMPTY: true, FOREIGN_FORMAT: true, COUNTRY: true,
};

export function isIdentifierProblem(code: string): code is BuyerIdentifierProblem {
  return Object.hasOwn(IDENTIFIER_PROBLEMS, code);
}

/** A unit price as stored (dot decimal mark): at most 14 digits before it and 8 after, as the invoice line takes it. */
const PRICE = /^\d{1,14}(\.\d{1,8})?$/;

/**
 * An address a person could write to: something@domain.tld, no spaces, one "@". Stricter than FA(3)
 * TAdresEmail ("(.)+@(.)+"), which would accept a typo such as "jan@firma" the user should see at once.
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= BOOK_LIMITS.email && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

function textProblem(value: string, max: number, required: boolean): BookFieldProblem | undefined {
  const trimmed = value.trim();
  if (required && trimmed === '') return 'REQUIRED';
  return trimmed.length > max ? 'TOO_LONG' : undefined;
}

/** Every problem of a contractor entry, by field (empty when it can be saved). */
export function contractorProblems(input: ContractorInput): ContractorProblems {
  const problems: ContractorProblems = {};
  const set = (field: ContractorField, problem: ContractorProblems[ContractorField]) => {
    if (problem) problems[field] = problem;
  };
  const identifierProblem = checkBuyerIdentifier({ type: input.identifierType, identifier: input.identifier, country: input.identifierCountry });
  // A country problem belongs to the country field; the identifier is judged once the country is right.
  if (identifierProblem === 'EU_COUNTRY' || identifierProblem === 'COUNTRY') set('identifierCountry', identifierProblem);
  else if (input.identifierType === 'FOREIGN' && !isCountryCode(input.identifierCountry)) set('identifierCountry', 'COUNTRY');
  else set('identifier', identifierProblem ?? undefined);
  set('name', textProblem(input.name, BOOK_LIMITS.name, true));
  set('addressLine1', textProblem(input.address.line1, BOOK_LIMITS.addressLine, false));
  set('addressLine2', textProblem(input.address.line2, BOOK_LIMITS.addressLine, false));
  if (!isCountryCode(input.address.countryCode)) set('addressCountry', 'COUNTRY');
  const email = input.email.trim();
  if (email !== '' && !isEmailAddress(email)) set('email', 'EMAIL_FORMAT');
  return problems;
}

/** Every problem of a product entry, by field; `price` is expected normalised (see normalizeDecimal). */
export function productProblems(input: ProductInput): ProductProblems {
  const problems: ProductProblems = {};
  const set = (field: ProductField, problem: BookFieldProblem | undefined) => {
    if (problem) problems[field] = problem;
  };
  set('name', textProblem(input.name, BOOK_LIMITS.name, true));
  set('unit', textProblem(input.unit, BOOK_LIMITS.unit, false));
  if (input.price === '') set('price', 'REQUIRED');
  else if (!PRICE.test(input.price)) set('price', 'PRICE_FORMAT');
  if (!(VAT_RATES as readonly string[]).includes(input.rate)) set('rate', 'RATE');
  set('pkwiu', textProblem(input.pkwiu, BOOK_LIMITS.pkwiu, false));
  if (input.gtu !== '' && !(GTU_CODES as readonly string[]).includes(input.gtu)) set('gtu', 'GTU');
  return problems;
}

/** Problems as error details (`field:CODE`), the form in which main reports them. */
export function problemDetails(problems: Partial<Record<string, string>>): string[] {
  return Object.entries(problems).map(([field, problem]) => `${field}:${problem}`);
}
