import { describe, expect, it } from 'vitest';
import { outboxEn } from './outbox.en';
import { outboxPl } from './outbox.pl';

// Every invoice status code KSeF can give (PROTOCOL §7 and the batch session codes that reach invoices).
const CODES = ['100', '150', '200', '405', '410', '415', '420', '430', '435', '440', '445', '450', '500', '550'] as const;

describe('KSeF invoice status texts', () => {
  it('word every rejection code in Polish and English', () => {
    for (const code of CODES) {
      expect(outboxPl.ksefInvoiceStatus[code].length).toBeGreaterThan(5);
      expect(outboxEn.ksefInvoiceStatus[code].length).toBeGreaterThan(5);
      expect(outboxEn.ksefInvoiceStatus[code]).not.toBe(outboxPl.ksefInvoiceStatus[code]);
    }
    expect(outboxPl.ksefInvoiceStatus['440']).toMatch(/Duplikat/);
    expect(outboxEn.ksefInvoiceStatus['440']).toMatch(/Duplicate/);
  });
});
