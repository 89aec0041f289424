import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../api/api-context';
import {
  contractorDraft,
  contractorInputOf,
  contractorMessages,
  contractorMessagesOf,
  problemsOfFailure,
  productDraft,
  productInputOf,
  productMessages,
  productMessagesOf,
  withIdentifierCountry,
} from './book-validation';

describe('contractor editor values', () => {
  it('saves trimmed values, countries in capitals, and a country only for EU VAT and foreign ids', () => {
    const draft = { ...contractorDraft(), identifier: ' 526 587 76 35 ', identifierCountry: 'de', name: ' Kowalski ', email: ' biuro@kowalski.pl ' };
    expect(contractorInputOf(draft)).toMatchObject({ identifier: '526 587 76 35', identifierCountry: '', name: 'Kowalski', email: 'biuro@kowalski.pl' });
    expect(contractorInputOf({ ...draft, identifierType: 'EU_VAT' }).identifierCountry).toBe('DE');
    expect(contractorInputOf({ ...draft, identifierType: 'NONE' }).identifier).toBe('');
    expect(contractorInputOf({ ...draft, address: { line1: ' a ', line2: 'b', countryCode: 'de' } }).address).toEqual({ line1: 'a', line2: 'b', countryCode: 'DE' });
  });

  it('words the checks as translation keys by field, the NIP ones as the issue form does', () => {
    expect(contractorMessages(contractorDraft())).toEqual({ identifier: { key: 'issue.validation.identifier.NIP_EMPTY' }, name: { key: 'issueBooks.problems.REQUIRED' } });
    expect(contractorMessages({ ...contractorDraft(), identifier: '5265877636', name: 'K', email: 'k@k', address: { line1: '', line2: '', countryCode: 'XX' } })).toEqual({
      identifier: { key: 'issue.validation.identifier.NIP_CHECKSUM' },
      email: { key: 'issueBooks.problems.EMAIL_FORMAT' },
      addressCountry: { key: 'issueBooks.problems.COUNTRY' },
    });
    expect(contractorMessages({ ...contractorDraft(), identifier: '5265877635', name: 'x'.repeat(600) })).toEqual({ name: { key: 'issueBooks.problems.TOO_LONG', values: { max: 512 } } });
  });

  it('moves a still Polish address to the identifier country (ISO code for EL and XI), never an address abroad', () => {
    const eu = { ...contractorDraft(), identifierType: 'EU_VAT' as const };
    expect(withIdentifierCountry(eu, 'de')).toMatchObject({ identifierCountry: 'DE', address: { countryCode: 'DE' } });
    expect(withIdentifierCountry(eu, 'EL').address.countryCode).toBe('GR');
    expect(withIdentifierCountry(eu, 'XI').address.countryCode).toBe('GB');
    expect(withIdentifierCountry(eu, 'U').address.countryCode).toBe('PL');
    const abroad = withIdentifierCountry(eu, 'FR');
    expect(withIdentifierCountry(abroad, 'BE')).toMatchObject({ identifierCountry: 'BE', address: { countryCode: 'FR' } });
  });

  it('edits an entry without its timestamp', () => {
    const entry = { ...contractorDraft(), id: '6f1c1f64-6d3b-4d0e-8a43-1b1e6f0e4a11', identifier: '5265877635', name: 'K', updatedAt: '2026-01-01T00:00:00Z' };
    expect(contractorDraft(entry)).not.toHaveProperty('updatedAt');
    expect(contractorDraft(entry).id).toBe(entry.id);
  });
});

describe('product editor values', () => {
  it('takes a price typed the Polish way and shows a stored one with a comma', () => {
    expect(productInputOf({ ...productDraft(), name: ' Usługa ', price: ' 1 234,50 ' })).toMatchObject({ name: 'Usługa', price: '1234.50' });
    expect(productInputOf({ ...productDraft(), price: '1\u00a0234,5' }).price).toBe('1234.5');
    expect(productMessages({ ...productDraft(), name: 'Usługa', price: '1 234,50' })).toEqual({});
    const stored = { id: '6f1c1f64-6d3b-4d0e-8a43-1b1e6f0e4a11', name: 'U', unit: 'h', priceMode: 'gross' as const, price: '99.90', rate: '8', pkwiu: '', gtu: '', updatedAt: 'x' };
    expect(productDraft(stored)).toEqual({ id: stored.id, name: 'U', unit: 'h', priceMode: 'gross', price: '99,90', rate: '8', pkwiu: '', gtu: '' });
  });

  it('names a price that is not a number', () => {
    expect(productMessages({ ...productDraft(), name: 'U', price: '12,34,5' })).toEqual({ price: { key: 'issueBooks.problems.PRICE_FORMAT' } });
    expect(productMessages({ ...productDraft(), name: 'U', price: 'abc' })).toEqual({ price: { key: 'issueBooks.problems.PRICE_FORMAT' } });
  });
});

describe("main's answer at the field", () => {
  it('reads the stores’ field:CODE details and the IPC schema paths', () => {
    expect(problemsOfFailure(new IpcFailure({ code: 'INVALID_NIP', details: ['identifier:NIP_CHECKSUM'] }))).toEqual({ identifier: 'NIP_CHECKSUM' });
    expect(problemsOfFailure(new IpcFailure({ code: 'INVALID_INPUT', details: ['contractor.address.countryCode: Invalid string', 'contractor.email: Too big'] }))).toEqual({
      addressCountry: 'INVALID',
      email: 'INVALID',
    });
    expect(problemsOfFailure(new IpcFailure({ code: 'STORAGE_ERROR' }))).toBeNull();
    expect(problemsOfFailure(new Error('x'))).toBeNull();
  });

  it('says which duplicate it is: a NIP, another number, a consumer’s name, a product name', () => {
    const duplicate = (details: string[]) => problemsOfFailure(new IpcFailure({ code: 'ALREADY_EXISTS', details })) ?? {};
    expect(contractorMessagesOf(duplicate(['identifier:DUPLICATE']), 'NIP')).toEqual({ identifier: { key: 'issueBooks.problems.DUPLICATE_NIP' } });
    expect(contractorMessagesOf(duplicate(['identifier:DUPLICATE']), 'EU_VAT')).toEqual({ identifier: { key: 'issueBooks.problems.DUPLICATE_IDENTIFIER' } });
    expect(contractorMessagesOf(duplicate(['name:DUPLICATE']), 'NONE')).toEqual({ name: { key: 'issueBooks.problems.DUPLICATE_CONSUMER' } });
    expect(productMessagesOf(duplicate(['name:DUPLICATE']))).toEqual({ name: { key: 'issueBooks.problems.DUPLICATE_PRODUCT' } });
    expect(productMessagesOf({ price: 'SOMETHING_NEW', color: 'RED' })).toEqual({ price: { key: 'issueBooks.problems.INVALID' } });
  });
});
