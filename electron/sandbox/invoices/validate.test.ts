import { describe, expect, it } from 'vitest';
import { generateReceivedInvoices } from './seed';
import { MAX_INVOICE_BYTES, checkInvoiceBytes, findForbiddenCharacter, inspectInvoiceBytes } from './validate';

const [sample] = generateReceivedInvoices('5265877635', 1, 7, { from: '2026-01-05', to: '2026-01-05' });
const validText = sample?.xml.toString('utf8') ?? '';
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const withBody = (text: string): string => validText.replace('<?xml version="1.0" encoding="UTF-8"?>\n', text);

function expectRejected(xml: Buffer, code: number, detail: RegExp): void {
  const result = checkInvoiceBytes(xml);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(result.description).toBe('Błąd weryfikacji pliku faktury');
  expect(result.details.join(' ')).toMatch(detail);
}

describe('checkInvoiceBytes', () => {
  it('accepts a well-formed UTF-8 invoice with or without an XML declaration', () => {
    expect(checkInvoiceBytes(bytes(validText))).toEqual({ ok: true });
    expect(checkInvoiceBytes(bytes(withBody('')))).toEqual({ ok: true });
    expect(checkInvoiceBytes(bytes(withBody("<?xml version='1.0' encoding='utf-8' standalone='yes'?>")))).toEqual({ ok: true });
  });

  it('rejects a byte order mark', () => {
    expectRejected(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(validText)]), 430, /BOM/);
  });

  it('rejects a non-UTF-8 encoding declaration and invalid UTF-8 bytes', () => {
    expectRejected(bytes(withBody('<?xml version="1.0" encoding="ISO-8859-2"?>')), 430, /ISO-8859-2/);
    expectRejected(Buffer.from(validText.replace('Faktura', 'Faktura'), 'latin1'), 430, /not valid UTF-8/);
  });

  it('rejects processing instructions anywhere, and a misplaced declaration', () => {
    expectRejected(bytes(validText.replace('<Naglowek>', '<?xml-stylesheet href="a.xsl"?><Naglowek>')), 430, /Processing instructions.*xml-stylesheet/);
    expectRejected(bytes(withBody('<?xml version="1.0"?><?pi data?>')), 430, /Processing instructions/);
    expectRejected(bytes(`  ${validText}`), 430, /declaration/);
  });

  it('rejects discouraged and non-XML code points', () => {
    expectRejected(bytes(validText.replace('<P_1M>', '<P_1M>\u0085x\u0080')), 430, /U\+0080/);
    expectRejected(bytes(validText.replace('<P_1M>', '<P_1M>\uFDD0')), 430, /U\+FDD0/);
    expectRejected(bytes(validText.replace('<P_1M>', '<P_1M>\u{1FFFE}')), 430, /U\+1FFFE/);
    expectRejected(bytes(validText.replace('<P_1M>', '<P_1M>\u0001')), 430, /XML 1\.0/);
    expect(findForbiddenCharacter('ąćęłńóśźż \u0085 \u{1F600}')).toBeUndefined();
  });

  it('rejects malformed XML and DTDs', () => {
    expectRejected(bytes(validText.replace('</Fa>', '')), 430, /not well-formed/);
    expectRejected(bytes(withBody('<!DOCTYPE Faktura [<!ENTITY x "y">]>')), 430, /DTD/);
    expectRejected(Buffer.alloc(0), 430, /empty/);
  });

  it('enforces 1 MB without and 3 MB with an attachment', () => {
    const padding = `<!--${'x'.repeat(MAX_INVOICE_BYTES)}-->`;
    expectRejected(bytes(validText.replace('</Faktura>', `${padding}</Faktura>`)), 430, /limit is 1000000 bytes/);
    const attachment = '<Zalacznik xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"><BlokDanych/></Zalacznik>';
    const withAttachment = inspectInvoiceBytes(bytes(validText.replace('</Faktura>', `${padding}${attachment}</Faktura>`)));
    expect(withAttachment.ok && withAttachment.hasAttachment).toBe(true);
    expectRejected(bytes(validText.replace('</Faktura>', `${padding.repeat(3)}${attachment}</Faktura>`)), 430, /limit is 3000000 bytes/);
  });
});
