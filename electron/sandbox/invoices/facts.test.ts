import { describe, expect, it } from 'vitest';
import { extractInvoiceFacts } from './facts';
import type { InvoiceFacts } from './facts-types';
import { generateReceivedInvoices } from './seed';

const invoices = generateReceivedInvoices('5265877635', 5, 11, { from: '2026-01-05', to: '2026-01-20' });
const standard = invoices.find((invoice) => invoice.variant === 'standard')?.xml.toString('utf8') ?? '';

function factsOf(xml: string): InvoiceFacts {
  const result = extractInvoiceFacts(xml);
  if (!result.ok) throw new Error(result.details.join('; '));
  return result.facts;
}

function rejectionOf(xml: string): { code: number; details: string[] } {
  const result = extractInvoiceFacts(Buffer.from(xml, 'utf8'));
  if (result.ok) throw new Error('expected a rejection');
  return result;
}

const buyerNipElement = '<NIP>5265877635</NIP>';

describe('extractInvoiceFacts', () => {
  it('maps buyer identifiers: NIP, EU VAT, other id, none', () => {
    expect(factsOf(standard).buyer.identifier).toEqual({ type: 'Nip', value: '5265877635' });
    expect(factsOf(standard.replace(buyerNipElement, '<KodUE>DE</KodUE><NrVatUE>123456789</NrVatUE>')).buyer.identifier).toEqual({
      type: 'VatUe',
      value: 'DE123456789',
    });
    expect(factsOf(standard.replace(buyerNipElement, '<KodKraju>US</KodKraju><NrID>EIN-77</NrID>')).buyer.identifier).toEqual({
      type: 'Other',
      value: 'EIN-77',
    });
    expect(factsOf(standard.replace(buyerNipElement, '<BrakID>1</BrakID>')).buyer.identifier).toEqual({ type: 'None' });
  });

  it('reads third subjects with role, including "other role" as 0 and internal ids', () => {
    const thirdSubject = invoices.find((invoice) => invoice.variant === 'thirdSubject')?.xml.toString('utf8') ?? '';
    const [subject] = factsOf(thirdSubject).thirdSubjects;
    expect(subject?.identifier.type).toBe('Nip');
    expect([1, 2, 4, 6]).toContain(subject?.role);
    const other = thirdSubject
      .replace(/<Rola>\d+<\/Rola>/, '<RolaInna>1</RolaInna><OpisRoli>Płatnik</OpisRoli>')
      .replace(/(<Podmiot3>\s*<DaneIdentyfikacyjne>\s*)<NIP>(\d+)<\/NIP>/, '$1<IDWew>$2-00001</IDWew>');
    const [otherSubject] = factsOf(other).thirdSubjects;
    expect(otherSubject?.role).toBe(0);
    expect(otherSubject?.identifier.type).toBe('InternalId');
  });

  it('maps RodzajFaktury to the spec invoice types', () => {
    const cases = { VAT: 'Vat', ZAL: 'Zal', KOR: 'Kor', ROZ: 'Roz', UPR: 'Upr', KOR_ZAL: 'KorZal', KOR_ROZ: 'KorRoz' } as const;
    for (const [kind, type] of Object.entries(cases)) {
      const facts = factsOf(standard.replace('<RodzajFaktury>VAT</RodzajFaktury>', `<RodzajFaktury>${kind}</RodzajFaktury>`));
      expect(facts.invoiceType).toBe(type);
      expect(facts.kind).toBe(kind);
    }
  });

  it('sums VAT in PLN using P_14_xW when present and keeps amounts exact', () => {
    const withAmounts = (fields: string): string => standard.replace(/(<\/P_6>)[\s\S]*?(<P_15>)/, `$1${fields}$2`);
    const foreign = factsOf(withAmounts('<P_13_1>0.10</P_13_1><P_14_1>0.20</P_14_1><P_14_1W>0.85</P_14_1W><P_13_7>0.20</P_13_7>'));
    expect(foreign.netAmount).toBe('0.30');
    expect(foreign.vatAmount).toBe('0.85');
    const domestic = factsOf(withAmounts('<P_13_1>0.10</P_13_1><P_14_1>0.02</P_14_1><P_13_2>0.1</P_13_2><P_14_2>0.01</P_14_2><P_13_5>-1</P_13_5>'));
    expect(domestic.netAmount).toBe('-0.80');
    expect(domestic.vatAmount).toBe('0.03');
  });

  it('flags self-invoicing and attachments', () => {
    const selfInvoiced = standard.replace('<P_17>2</P_17>', '<P_17>1</P_17>');
    expect(factsOf(selfInvoiced).isSelfInvoicing).toBe(true);
    expect(factsOf(standard).isSelfInvoicing).toBe(false);
    expect(factsOf(standard.replace('</Faktura>', '<Zalacznik/></Faktura>')).hasAttachment).toBe(true);
  });

  it('lists corrected invoices of a KOR', () => {
    const correction = invoices.find((invoice) => invoice.variant === 'correction');
    const facts = factsOf(correction?.xml.toString('utf8') ?? '');
    expect(facts.invoiceType).toBe('Kor');
    expect(facts.correctedInvoices).toHaveLength(1);
    expect(facts.correctedInvoices[0]?.invoiceNumber).toMatch(/^FV\//);
  });

  it('rejects documents without required facts (430)', () => {
    expect(rejectionOf(standard.replace(/<P_2>[^<]*<\/P_2>/, '')).details[0]).toMatch(/P_2/);
    expect(rejectionOf(standard.replace('http://crd.gov.pl/wzor/2025/06/25/13775/', 'http://crd.gov.pl/wzor/2023/06/29/12648/')).details[0]).toMatch(
      /root element/,
    );
    expect(rejectionOf(standard.replace('kodSystemowy="FA (3)"', 'kodSystemowy="FA (2)"')).code).toBe(430);
    expect(rejectionOf(standard.replace(/<P_15>[^<]*<\/P_15>/, '<P_15>12,50</P_15>')).details[0]).toMatch(/P_15/);
    expect(rejectionOf(standard.replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-13-45</P_1>')).details[0]).toMatch(/P_1/);
    expect(rejectionOf('<Faktura').code).toBe(430);
  });
});
