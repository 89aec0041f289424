import { describe, expect, it } from 'vitest';
import { randomInvoice } from '../testing/random-invoice';
import { readInvoiceXml } from './fa3-reader';
import { writeInvoiceXml } from './fa3-writer';

const base = writeInvoiceXml(randomInvoice(7, 'VAT'));

function expectFailure(input: string | Buffer, code: string) {
  const result = readInvoiceXml(input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.code).toBe(code);
  expect(result.message.length).toBeGreaterThan(5);
  return result;
}

describe('readInvoiceXml: bad input gets a code', () => {
  it('EMPTY_FILE for no bytes, whitespace only or a lone BOM', () => {
    expectFailure('', 'EMPTY_FILE');
    expectFailure(Buffer.alloc(0), 'EMPTY_FILE');
    expectFailure(' \n\t', 'EMPTY_FILE');
    expectFailure(Buffer.from([0xef, 0xbb, 0xbf]), 'EMPTY_FILE');
  });

  it('MALFORMED_XML with the line for documents that are not well-formed', () => {
    expect(expectFailure('<?xml version="1.0"?>\n<Faktura>\n<a></Faktura>', 'MALFORMED_XML').line).toBe(3);
    expectFailure(base.replace('</Faktura>', ''), 'MALFORMED_XML');
    expectFailure(`${base}<extra/>`, 'MALFORMED_XML');
    expectFailure(base.replace('<P_2>', '<P_2>&nbsp;'), 'MALFORMED_XML');
    expectFailure(base.replace('<P_2>', '<P_2>a & b'), 'MALFORMED_XML');
    expectFailure(base.replace('<Fa>', '<x:Fa>').replace('</Fa>', '</x:Fa>'), 'MALFORMED_XML');
    expectFailure(base.replace('kodSystemowy="FA (3)"', 'kodSystemowy=FA'), 'MALFORMED_XML');
    expectFailure('just text', 'MALFORMED_XML');
    expectFailure(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]), 'MALFORMED_XML'); // not UTF-8
  });

  it('UNSUPPORTED_XML for a DOCTYPE or another encoding', () => {
    expectFailure(base.replace('\n<Faktura', '\n<!DOCTYPE x [<!ENTITY a "b">]>\n<Faktura'), 'UNSUPPORTED_XML');
    expectFailure(base.replace('encoding="UTF-8"', 'encoding="windows-1250"'), 'UNSUPPORTED_XML');
    expectFailure(Buffer.from(`\ufeff${base}`, 'utf16le'), 'UNSUPPORTED_XML');
    expectFailure(base.replace('<Fa>', `<Fa>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`), 'UNSUPPORTED_XML');
  });

  it('NOT_FA3 naming the document for FA(2), a UPO and anything else', () => {
    const fa2 = base.replaceAll('http://crd.gov.pl/wzor/2025/06/25/13775/', 'http://crd.gov.pl/wzor/2023/06/29/12648/');
    expect(expectFailure(fa2, 'NOT_FA3').message).toContain('FA(2)');
    const upo = '<?xml version="1.0" encoding="UTF-8"?><Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3"><NazwaPodmiotuPrzyjmujacego>MF</NazwaPodmiotuPrzyjmujacego></Potwierdzenie>';
    expect(expectFailure(upo, 'NOT_FA3').message).toContain('UPO');
    expect(expectFailure('<html><body/></html>', 'NOT_FA3').message).toContain('<html>');
  });

  it('INVALID_FA3 with the element path when the FA(3) structure is broken', () => {
    const missing = expectFailure(base.replace(/<P_2>[^<]*<\/P_2>/, ''), 'INVALID_FA3');
    expect(missing.path).toBe('/Faktura/Fa/P_2');
    expect(missing.line).toBe(2);
    expect(expectFailure(base.replace(/<P_12>[^<]*<\/P_12>/, '<P_12>24</P_12>'), 'INVALID_FA3').message).toContain('P_12');
    expect(expectFailure(base.replace('<RodzajFaktury>VAT<', '<RodzajFaktury>XYZ<'), 'INVALID_FA3').message).toContain('RodzajFaktury');
    expectFailure(base.replace('<AdresL1>', '<Ulica>x</Ulica><AdresL1>'), 'INVALID_FA3');
    expectFailure(base.replace('<Fa>', '<Fa><x:Obcy xmlns:x="urn:x">1</x:Obcy>'), 'INVALID_FA3');
  });
});

describe('readInvoiceXml: well-formed variations', () => {
  it('accepts comments, processing instructions, CDATA, character references and single quotes', () => {
    const variant = base
      .replace('<Fa>', '<!-- komentarz --><?pi data?><Fa>')
      .replace(/<P_2>[^<]*<\/P_2>/, '<P_2><![CDATA[FV/1 <A&B>]]>&#322;&#x105;&amp;</P_2>')
      .replace('kodSystemowy="FA (3)"', "kodSystemowy='FA (3)'");
    const result = readInvoiceXml(variant);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.invoice.number).toBe('FV/1 <A&B>łą&');
  });

  it('keeps an element the model does not type and writes it back in place', () => {
    const withTerms = base.replace('</Fa>', '<WarunkiTransakcji><WarunkiDostawy>CIP</WarunkiDostawy></WarunkiTransakcji></Fa>');
    const result = readInvoiceXml(withTerms);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.invoice.extra).toEqual([{ name: 'WarunkiTransakcji', children: [{ name: 'WarunkiDostawy', text: 'CIP' }] }]);
    expect(writeInvoiceXml(result.invoice)).toContain('<WarunkiTransakcji><WarunkiDostawy>CIP</WarunkiDostawy></WarunkiTransakcji></Fa>');
  });
});

describe('XML details', () => {
  it('keeps a preserved attribute value exactly, newlines included', () => {
    const xml = writeInvoiceXml({
      ...randomInvoice(8, 'VAT'),
      documentExtra: [
        {
          name: 'Zalacznik',
          children: [
            {
              name: 'BlokDanych',
              children: [
                { name: 'MetaDane', children: [{ name: 'ZKlucz', text: 'a' }, { name: 'ZWartosc', text: 'b' }] },
                { name: 'Tabela', children: [{ name: 'TNaglowek', children: [{ name: 'Kol', attributes: { Typ: 'txt\n"x"&' }, children: [{ name: 'NKom', text: 'k' }] }] }] },
              ],
            },
          ],
        },
      ],
    });
    const result = readInvoiceXml(xml);
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.invoice.documentExtra)).toContain('"Typ":"txt\\n\\"x\\"&"');
  });
});
