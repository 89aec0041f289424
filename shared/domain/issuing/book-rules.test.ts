import { describe, expect, it } from 'vitest';
import { contractorProblems, isEmailAddress, problemDetails, productProblems } from './book-rules';
import { testContractor, testProduct } from './testing/form-fixtures';

// A NIP typed with dashes, as people do: the rules accept it.
const contractor = testContractor({ identifier: '526-587-76-35', name: 'Kowalski Usługi', address: { line1: 'ul. Prosta 1', line2: '00-001 Warszawa', countryCode: 'PL' }, email: 'biuro@kowalski.pl' });
const product = testProduct({ pkwiu: '62.01.11.0', gtu: 'GTU_12' });

describe('isEmailAddress', () => {
  it('takes an address with a domain and refuses typos', () => {
    expect(['jan@firma.pl', 'j.kowalski+faktury@firma.com.pl', 'ÓLA@żółw.pl'].filter(isEmailAddress)).toHaveLength(3);
    expect(['jan@firma', 'jan firma@x.pl', 'jan@@firma.pl', '@firma.pl', 'jan@.pl', 'jan@firma.', 'jan'].filter(isEmailAddress)).toEqual([]);
    expect(isEmailAddress(`${'a'.repeat(251)}@x.pl`)).toBe(false);
    expect(isEmailAddress(`${'a'.repeat(250)}@x.pl`)).toBe(true);
  });
});

describe('contractorProblems', () => {
  it('has none for a valid entry of each identifier type', () => {
    expect(contractorProblems(contractor)).toEqual({});
    expect(contractorProblems({ ...contractor, identifierType: 'EU_VAT', identifier: 'DE123456789', identifierCountry: 'DE' })).toEqual({});
    expect(contractorProblems({ ...contractor, identifierType: 'FOREIGN', identifier: '12-3456789', identifierCountry: 'US', email: '' })).toEqual({});
    expect(contractorProblems({ ...contractor, identifierType: 'NONE', identifier: '' })).toEqual({});
  });

  it('names the field of each problem', () => {
    expect(contractorProblems({ ...contractor, identifier: '5265877636', name: '  ', email: 'biuro@kowalski', address: { ...contractor.address, countryCode: 'QQ' } })).toEqual({
      identifier: 'NIP_CHECKSUM',
      name: 'REQUIRED',
      email: 'EMAIL_FORMAT',
      addressCountry: 'COUNTRY',
    });
    expect(contractorProblems({ ...contractor, name: 'x'.repeat(513) })).toEqual({ name: 'TOO_LONG' });
  });

  it('puts country problems at the country: a non-member for EU VAT, an unknown code for a foreign id', () => {
    expect(contractorProblems({ ...contractor, identifierType: 'EU_VAT', identifier: '123456789', identifierCountry: 'US' })).toEqual({ identifierCountry: 'EU_COUNTRY' });
    expect(contractorProblems({ ...contractor, identifierType: 'EU_VAT', identifier: '123456789', identifierCountry: 'PL' })).toEqual({ identifierCountry: 'EU_COUNTRY' });
    expect(contractorProblems({ ...contractor, identifierType: 'EU_VAT', identifier: '123', identifierCountry: 'DE' })).toEqual({ identifier: 'EU_VAT_FORMAT' });
    expect(contractorProblems({ ...contractor, identifierType: 'FOREIGN', identifier: 'A1', identifierCountry: 'ZZ' })).toEqual({ identifierCountry: 'COUNTRY' });
    expect(contractorProblems({ ...contractor, identifierType: 'FOREIGN', identifier: ' ', identifierCountry: 'US' })).toEqual({ identifier: 'FOREIGN_EMPTY' });
  });
});

describe('productProblems', () => {
  it('has none for a valid product, with or without PKWiU and GTU', () => {
    expect(productProblems(product)).toEqual({});
    expect(productProblems({ ...product, pkwiu: '', gtu: '', unit: '', price: '0' })).toEqual({});
  });

  it('names the field of each problem', () => {
    expect(productProblems({ ...product, name: '', price: '1 234,50', rate: '19', gtu: 'GTU_14', pkwiu: 'x'.repeat(33), unit: 'x'.repeat(33) })).toEqual({
      name: 'REQUIRED',
      price: 'PRICE_FORMAT',
      rate: 'RATE',
      gtu: 'GTU',
      pkwiu: 'TOO_LONG',
      unit: 'TOO_LONG',
    });
    expect(productProblems({ ...product, price: '' })).toEqual({ price: 'REQUIRED' });
    expect(productProblems({ ...product, price: '1.123456789' })).toEqual({ price: 'PRICE_FORMAT' });
    expect(productProblems({ ...product, price: '-5' })).toEqual({ price: 'PRICE_FORMAT' });
  });

  it('writes problems as error details', () => {
    expect(problemDetails({ price: 'PRICE_FORMAT', rate: 'RATE' })).toEqual(['price:PRICE_FORMAT', 'rate:RATE']);
  });
});
