import { describe, expect, it } from 'vitest';
import { duplicateGuardLastYear, duplicateKey, duplicateKeyOf } from './duplicates';

describe('duplicate key', () => {
  it('is (seller NIP, RodzajFaktury, P_2) and nothing else', () => {
    const key = duplicateKey({ sellerNip: '5265877635', kind: 'VAT', invoiceNumber: 'FV/1/2026' });
    expect(duplicateKeyOf({ seller: { nip: '5265877635', name: 'Other name' }, kind: 'VAT', invoiceNumber: 'FV/1/2026' })).toBe(key);
    expect(duplicateKey({ sellerNip: '5265877635', kind: 'KOR', invoiceNumber: 'FV/1/2026' })).not.toBe(key);
    expect(duplicateKey({ sellerNip: '7352765225', kind: 'VAT', invoiceNumber: 'FV/1/2026' })).not.toBe(key);
    expect(duplicateKey({ sellerNip: '5265877635', kind: 'VAT', invoiceNumber: 'FV/1/2027' })).not.toBe(key);
  });

  it('treats P_2 as an XML token (surrounding and repeated whitespace do not matter)', () => {
    expect(duplicateKey({ sellerNip: '5265877635', kind: 'VAT', invoiceNumber: ' FV/1  A ' })).toBe(
      duplicateKey({ sellerNip: '5265877635', kind: 'VAT', invoiceNumber: 'FV/1 A' }),
    );
  });

  it('guards for ten full years after the issue year', () => {
    expect(duplicateGuardLastYear('2026-03-15')).toBe(2036);
  });
});
