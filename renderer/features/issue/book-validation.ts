/**
 * The book editors' values as typed, what they become when saved, and the problems at each field — the
 * editor's own checks (shared with main) and main's answer to a save — as translation keys.
 */
import { BOOK_LIMITS, contractorProblems, isIdentifierProblem, productProblems, type ContractorField, type ProductField } from '../../../shared/domain/issuing/book-rules';
import { isCountryCode } from '../../../shared/domain/invoice/code-lists';
import { normalizeDecimal } from '../../../shared/domain/issuing/form-rules';
import type { BuyerIdentifierType, Contractor, ContractorInput, Product, ProductInput } from '../../../shared/ipc/channels/issue';
import { IpcFailure } from '../../api/api-context';

export interface FieldMessage {
  key: string;
  values?: Record<string, number>;
}

export type ContractorMessages = Partial<Record<ContractorField, FieldMessage>>;
export type ProductMessages = Partial<Record<ProductField, FieldMessage>>;

const FIELD_LIMITS: Record<string, number> = {
  name: BOOK_LIMITS.name,
  addressLine1: BOOK_LIMITS.addressLine,
  addressLine2: BOOK_LIMITS.addressLine,
  email: BOOK_LIMITS.email,
  unit: BOOK_LIMITS.unit,
  pkwiu: BOOK_LIMITS.pkwiu,
};
const BOOK_PROBLEMS = new Set(['REQUIRED', 'TOO_LONG', 'EMAIL_FORMAT', 'COUNTRY', 'PRICE_FORMAT', 'RATE', 'GTU']);

/** An empty contractor, or the entry to edit (its EU VAT number stays without the country prefix). */
export function contractorDraft(entry?: Contractor): ContractorInput {
  if (!entry) return { identifierType: 'NIP', identifier: '', identifierCountry: '', name: '', address: { line1: '', line2: '', countryCode: 'PL' }, email: '' };
  const { updatedAt: _updatedAt, ...input } = entry;
  return input;
}

/** An empty product (23 %, net, "szt." as a new invoice line has), or the entry with its price in Polish form. */
export function productDraft(entry?: Product): ProductInput {
  if (!entry) return { name: '', unit: 'szt.', priceMode: 'net', price: '', rate: '23', pkwiu: '', gtu: '', annex15: false };
  const { updatedAt: _updatedAt, ...input } = entry;
  return { ...input, price: input.price.replace('.', ',') };
}

/** What is saved: trimmed, countries in capitals, a country only where the identifier type has one. */
export function contractorInputOf(draft: ContractorInput): ContractorInput {
  const hasCountry = draft.identifierType === 'EU_VAT' || draft.identifierType === 'FOREIGN';
  return {
    ...draft,
    identifier: draft.identifierType === 'NONE' ? '' : draft.identifier.trim(),
    identifierCountry: hasCountry ? draft.identifierCountry.trim().toUpperCase() : '',
    name: draft.name.trim(),
    address: { line1: draft.address.line1.trim(), line2: draft.address.line2.trim(), countryCode: draft.address.countryCode.trim().toUpperCase() },
    email: draft.email.trim(),
  };
}

/** VAT prefixes that are not the ISO code of the country (Greece, Northern Ireland). */
const ISO_OF_VAT_PREFIX: Record<string, string> = { EL: 'GR', XI: 'GB' };

/**
 * A new identifier country; a Polish address (the default) moves to that country too, as a foreign buyer
 * mostly has its seat there. An address already abroad is left as typed.
 */
export function withIdentifierCountry(draft: ContractorInput, identifierCountry: string): ContractorInput {
  const country = identifierCountry.toUpperCase();
  const addressCountry = ISO_OF_VAT_PREFIX[country] ?? country;
  const follows = draft.address.countryCode === 'PL' && addressCountry !== 'PL' && isCountryCode(addressCountry);
  return { ...draft, identifierCountry: country, address: follows ? { ...draft.address, countryCode: addressCountry } : draft.address };
}

/** What is saved: the price as typed in Polish ("1 234,50") with a dot and no spaces. */
export function productInputOf(draft: ProductInput): ProductInput {
  return { ...draft, name: draft.name.trim(), unit: draft.unit.trim(), price: normalizeDecimal(draft.price.trim()), pkwiu: draft.pkwiu.trim() };
}

function messageOf(field: string, code: string, duplicateKey: string): FieldMessage {
  if ((field === 'identifier' || field === 'identifierCountry') && isIdentifierProblem(code)) return { key: `issue.validation.identifier.${code}` };
  if (code === 'DUPLICATE') return { key: `issueBooks.problems.${duplicateKey}` };
  if (code === 'TOO_LONG') return { key: 'issueBooks.problems.TOO_LONG', values: { max: FIELD_LIMITS[field] ?? 0 } };
  return { key: `issueBooks.problems.${BOOK_PROBLEMS.has(code) ? code : 'INVALID'}` };
}

function contractorDuplicateKey(field: string, type: BuyerIdentifierType): string {
  if (field === 'name') return 'DUPLICATE_CONSUMER';
  return type === 'NIP' ? 'DUPLICATE_NIP' : 'DUPLICATE_IDENTIFIER';
}

export function contractorMessagesOf(problems: Partial<Record<string, string>>, type: BuyerIdentifierType): ContractorMessages {
  const messages: ContractorMessages = {};
  for (const [field, code] of Object.entries(problems)) {
    if (code && CONTRACTOR_FIELDS.has(field)) messages[field as ContractorField] = messageOf(field, code, contractorDuplicateKey(field, type));
  }
  return messages;
}

export function productMessagesOf(problems: Partial<Record<string, string>>): ProductMessages {
  const messages: ProductMessages = {};
  for (const [field, code] of Object.entries(problems)) {
    if (code && PRODUCT_FIELDS.has(field)) messages[field as ProductField] = messageOf(field, code, 'DUPLICATE_PRODUCT');
  }
  return messages;
}

/** The editor's checks before saving: the same main runs on the saved entry. */
export function contractorMessages(draft: ContractorInput): ContractorMessages {
  return contractorMessagesOf(contractorProblems(contractorInputOf(draft)), draft.identifierType);
}

export function productMessages(draft: ProductInput): ProductMessages {
  return productMessagesOf(productProblems(productInputOf(draft)));
}

const CONTRACTOR_FIELDS = new Set<string>(['identifier', 'identifierCountry', 'name', 'addressLine1', 'addressLine2', 'addressCountry', 'email']);
const PRODUCT_FIELDS = new Set<string>(['name', 'unit', 'price', 'rate', 'pkwiu', 'gtu']);
/** Paths of the zod check in main (`contractor.address.line1: …`) as the editors' field names. */
const SCHEMA_PATHS: Record<string, string> = {
  identifierCountry: 'identifierCountry',
  'address.line1': 'addressLine1',
  'address.line2': 'addressLine2',
  'address.countryCode': 'addressCountry',
};

/**
 * A refused save as problems by field: the stores report `field:CODE`, the IPC schema check `path: message`.
 * Null when the failure names no field (then the editor shows the error as a whole).
 */
export function problemsOfFailure(error: unknown): Record<string, string> | null {
  if (!(error instanceof IpcFailure)) return null;
  const problems: Record<string, string> = {};
  for (const detail of error.payload.details ?? []) {
    const stored = /^([A-Za-z0-9]+):([A-Z_]+)$/.exec(detail);
    if (stored?.[1] && stored[2]) {
      problems[stored[1]] = stored[2];
      continue;
    }
    const schema = /^(?:contractor|product)\.([\w.]+): /.exec(detail);
    if (schema?.[1]) problems[SCHEMA_PATHS[schema[1]] ?? schema[1]] = 'INVALID';
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
