import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createXsdSchemaValidator, singleFileSchema } from './schema-validator';
import { canValidateXsd, packDir } from './test-fixtures';
import { UPO_RECEIVING_PARTY, buildInvoiceUpo, buildSessionUpoPages, type UpoDocument, type UpoHeader } from './upo';
import { parseXmlStrict, childElements, textOf } from './xml-dom';
import { buildKsefNumber } from './ksef-number';

const UPO_NS = 'http://upo.schematy.mf.gov.pl/KSeF/v4-3';

function documentAt(index: number): UpoDocument {
  const sentAt = new Date(Date.UTC(2025, 8, 16, 9, 2, 41, 584) + index * 1000);
  return {
    sellerNip: '5265877635',
    ksefNumber: buildKsefNumber('5265877635', sentAt, (0x010040741b3e + index).toString(16).toUpperCase().padStart(12, '0')),
    invoiceNumber: `FA/${index + 1}/09/2025 & <ąę>`,
    issueDate: '2025-09-16',
    sentAt,
    ksefNumberAssignedAt: new Date(sentAt.getTime() + 500),
    invoiceHashBase64: 'jli86Kp2Kw7jppX59P8VmjWRcwLTvsPK3DcPEB87mNk=',
    invoicingMode: index % 2 === 0 ? 'Online' : 'Offline',
  };
}

const tokenHeader: UpoHeader = {
  sessionReferenceNumber: '20250916-SO-9D5A28BFDA-47C899773E-5C',
  authentication: { context: { type: 'Nip', value: '5265877635' }, proof: { kind: 'KsefToken', tokenReferenceNumber: '20250819-EC-1ECDD12000-5EE71AE5E3-B7' } },
};

function contextHeader(type: 'InternalId' | 'NipVatUe' | 'PeppolId', value: string): UpoHeader {
  return {
    sessionReferenceNumber: '20250916-SB-9D5A28BFDA-47C899773E-5C',
    authentication: { context: { type, value }, proof: { kind: 'SignedDocument', documentHashBase64: 'kyqH+QUgP8ATWd/95IY632mP4uqibwG66Oqclq9+qno=' } },
  };
}

describe('UPO v4-3', () => {
  it('renders a per-invoice UPO like the official sample (Warsaw-offset timestamps, no page description)', () => {
    const xml = buildInvoiceUpo(tokenHeader, documentAt(0));
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3">')).toBe(true);
    expect(xml).toContain(`<NazwaPodmiotuPrzyjmujacego>${UPO_RECEIVING_PARTY}</NazwaPodmiotuPrzyjmujacego>`);
    expect(xml).toContain('<DataPrzeslaniaDokumentu>2025-09-16T11:02:41.584+02:00</DataPrzeslaniaDokumentu>');
    expect(xml).toContain('<DataNadaniaNumeruKSeF>2025-09-16T11:02:42.084+02:00</DataNadaniaNumeruKSeF>');
    expect(xml).toContain('<NumerFaktury>FA/1/09/2025 &amp; &lt;ąę&gt;</NumerFaktury>');
    expect(xml).not.toContain('OpisPotwierdzenia');
    const root = parseXmlStrict(xml).documentElement;
    expect(root ? childElements(root).map((child) => child.localName) : []).toEqual([
      'NazwaPodmiotuPrzyjmujacego', 'NumerReferencyjnySesji', 'Uwierzytelnienie', 'NazwaStrukturyLogicznej', 'KodFormularza', 'Dokument',
    ]);
  });

  it('pages a session UPO with inclusive 1-based ranges', () => {
    const pages = buildSessionUpoPages(tokenHeader, Array.from({ length: 5 }, (_, index) => documentAt(index)), 2);
    expect(pages).toHaveLength(3);
    const describePage = (xml: string): string[] => {
      const root = parseXmlStrict(xml).documentElement;
      const [description] = root ? childElements(root, 'OpisPotwierdzenia', UPO_NS) : [];
      return description ? childElements(description).map((child) => `${child.localName}=${textOf(child)}`) : [];
    };
    expect(describePage(pages[2] ?? '')).toEqual(['Strona=3', 'LiczbaStron=3', 'ZakresDokumentowOd=5', 'ZakresDokumentowDo=5', 'CalkowitaLiczbaDokumentow=5']);
    expect(describePage(pages[0] ?? '')).toContain('ZakresDokumentowDo=2');
    expect(() => buildSessionUpoPages(tokenHeader, [])).toThrow();
  });

  describe.skipIf(!canValidateXsd)('against the official UPO XSD (needs the KSeF pack for upo-v4-3.xsd)', () => {
    const validator = createXsdSchemaValidator(singleFileSchema(join(packDir ?? '', 'schemas', 'upo', 'upo-v4-3.xsd')));

    it('validates per-invoice and session UPOs for every context type and both proofs', async () => {
      const documents = Array.from({ length: 7 }, (_, index) => documentAt(index));
      const upos = [
        buildInvoiceUpo(tokenHeader, documentAt(0)),
        buildInvoiceUpo(contextHeader('InternalId', '5265877635-12345'), documentAt(1)),
        ...buildSessionUpoPages(tokenHeader, documents, 3),
        ...buildSessionUpoPages(contextHeader('NipVatUe', '5265877635-ATU12345678'), documents),
        ...buildSessionUpoPages(contextHeader('PeppolId', 'PPL123456'), documents.slice(0, 1)),
      ];
      const verdicts = await validator.validateMany(upos.map((xml) => Buffer.from(xml, 'utf8')));
      verdicts.forEach((verdict, index) => expect(verdict, `UPO #${index}: ${verdict.ok ? '' : verdict.details.join('; ')}`).toEqual({ ok: true }));
    });

    it('agrees with the XSD that the TE suffix on the receiving party is invalid', async () => {
      const sample = readFileSync(join(packDir ?? '', 'samples', 'upo', 'ksef-docs', 'upo-faktura-kontekst-id-nip.xml'));
      const [asShipped, fixed] = await validator.validateMany([
        sample,
        Buffer.from(sample.toString('utf8').replace(/<NazwaPodmiotuPrzyjmujacego>[^<]*</, `<NazwaPodmiotuPrzyjmujacego>${UPO_RECEIVING_PARTY}<`)),
      ]);
      expect(asShipped?.ok).toBe(false);
      expect(fixed).toEqual({ ok: true });
    });
  });
});
