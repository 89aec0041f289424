import { describe, expect, it } from 'vitest';
import { addAmounts, compareAmounts } from '../../../shared/domain/money';
import { isValidNip } from '../../../shared/domain/nip';
import { extractInvoiceFacts } from './facts';
import { createFa3SchemaValidator } from './schema-validator';
import { SEED_VARIANTS, generateReceivedInvoices } from './seed';

const BUYER = '7352765225';
const range = { from: '2025-11-01', to: '2026-02-28' };
const invoices = generateReceivedInvoices(BUYER, 30, 2026, range);

describe('generateReceivedInvoices', () => {
  it('is deterministic by seed', () => {
    const again = generateReceivedInvoices(BUYER, 30, 2026, range);
    expect(again.map((invoice) => invoice.xml.toString('base64'))).toEqual(invoices.map((invoice) => invoice.xml.toString('base64')));
    const other = generateReceivedInvoices(BUYER, 30, 2027, range);
    expect(other[0]?.xml.equals(invoices[0]?.xml ?? Buffer.alloc(0))).toBe(false);
  });

  it('covers every variant with varied, checksum-valid sellers and Polish text', () => {
    expect(new Set(invoices.map((invoice) => invoice.variant))).toEqual(new Set(SEED_VARIANTS));
    const sellers = new Set(invoices.map((invoice) => invoice.expected.sellerNip));
    expect(sellers.size).toBeGreaterThan(3);
    for (const nip of sellers) expect(isValidNip(nip), nip).toBe(true);
    const allText = invoices.map((invoice) => invoice.xml.toString('utf8')).join('');
    for (const letter of 'ąćęłńóśźżŁŚŻŹ') expect(allText).toContain(letter);
    for (const rate of ['23', '8', '5']) expect(allText).toContain(`<P_12>${rate}</P_12>`);
    expect(allText).toContain('<KodWaluty>EUR</KodWaluty>');
    for (const invoice of invoices) {
      expect(invoice.expected.issueDate >= range.from && invoice.expected.issueDate <= range.to).toBe(true);
    }
  });

  it('produces invoices whose extracted facts match what was generated', () => {
    for (const invoice of invoices) {
      const result = extractInvoiceFacts(invoice.xml);
      if (!result.ok) throw new Error(`${invoice.fileName}: ${result.details.join('; ')}`);
      const { facts } = result;
      expect(facts.buyer.identifier, invoice.fileName).toEqual({ type: 'Nip', value: BUYER });
      expect(
        {
          sellerNip: facts.seller.nip,
          sellerName: facts.seller.name,
          invoiceNumber: facts.invoiceNumber,
          issueDate: facts.issueDate,
          kind: facts.kind,
          currency: facts.currency,
          netAmount: facts.netAmount,
          vatAmount: facts.vatAmount,
          grossAmount: facts.grossAmount,
        },
        invoice.fileName,
      ).toEqual(invoice.expected);
      if (invoice.variant === 'correction') expect(facts.correctedInvoices).toHaveLength(1);
      if (invoice.variant === 'thirdSubject') expect(facts.thirdSubjects).toHaveLength(1);
      if (invoice.variant === 'manyLines') expect(invoice.xml.toString('utf8').split('<FaWiersz>').length - 1).toBeGreaterThanOrEqual(40);
    }
  });

  it('keeps gross = net + VAT for PLN invoices (exact decimals)', () => {
    for (const invoice of invoices.filter((candidate) => candidate.expected.currency === 'PLN')) {
      const { netAmount, vatAmount, grossAmount } = invoice.expected;
      expect(compareAmounts(addAmounts(netAmount, vatAmount), grossAmount), invoice.fileName).toBe(0);
    }
  });

  it('validates against the official FA(3) XSD (the copy the app ships)', async () => {
    const validator = createFa3SchemaValidator();
    const verdicts = await validator.validateMany(invoices.map((invoice) => invoice.xml));
    verdicts.forEach((verdict, index) => {
      const invoice = invoices[index];
      expect(verdict, `${invoice?.fileName} (${invoice?.variant}): ${verdict.ok ? '' : verdict.details.join('; ')}`).toEqual({ ok: true });
    });
  });
});
