import { describe, expect, it } from 'vitest';
import { buildTestInvoice } from '../../sandbox/sessions/client-kit';
import { getFa3Validator } from '../invoices/validation/fa3-validator';
import { InvoiceFileChecker, type SchemaValidatorPort } from './invoice-file';

const NIP = '5265877635';
const invoice = (number: string) => buildTestInvoice({ sellerNip: NIP, invoiceNumber: number });
const withBom = (xml: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), xml]);

/** Counts the validator runs; reports a schema error for any invoice whose number contains "ZLY". */
function countingValidator() {
  const runs: number[] = [];
  const report = (xml: Buffer | string) =>
    String(xml).includes('ZLY')
      ? { valid: false, errors: [{ code: 'SCHEMA', line: 7, path: '/Faktura/Fa/P_2', message: 'Element P_2: bad value', messagePl: 'Element P_2: zła wartość' }] }
      : { valid: true, errors: [] };
  const port: SchemaValidatorPort = {
    validate: async (xml) => {
      runs.push(1);
      return report(xml);
    },
    validateMany: async (xmls) => {
      runs.push(xmls.length);
      return xmls.map(report);
    },
  };
  return { port, runs };
}

describe('InvoiceFileChecker', () => {
  it('checks a batch in one validator run, keeping each file in its place', async () => {
    const { port, runs } = countingValidator();
    const checks = await new InvoiceFileChecker(port).checkMany([invoice('FV/1'), Buffer.from('<Faktura'), invoice('FV/ZLY/2'), withBom(invoice('FV/3')), invoice('FV/4')]);
    expect(runs).toEqual([3]); // the readable files only, together
    expect(checks.map((check) => (check.ok ? check.summary.invoiceNumber : check.problems[0]?.code))).toEqual(['FV/1', 'MALFORMED_XML', 'SCHEMA', 'BOM', 'FV/4']);
    expect(checks[2]).toEqual({ ok: false, problems: [{ code: 'SCHEMA', message: 'Element P_2: bad value', messagePl: 'Element P_2: zła wartość', line: 7, path: '/Faktura/Fa/P_2' }] });
  });

  it('refuses a BOM even without a schema validator (KSeF does, though the reader accepts it)', async () => {
    const [bom, plain] = await new InvoiceFileChecker(null).checkMany([withBom(invoice('FV/1')), invoice('FV/1')]);
    expect(bom).toMatchObject({ ok: false, problems: [{ code: 'BOM', line: 1, messagePl: expect.stringContaining('bez znacznika BOM') }] });
    expect(plain).toMatchObject({ ok: true, summary: { invoiceNumber: 'FV/1', sellerNip: NIP } });
  });

  it('with the in-app validator: a schema error keeps its code, element and Polish words', async () => {
    const validator = getFa3Validator();
    const broken = Buffer.from(invoice('FV/5').toString('utf8').replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-13-45</P_1>'));
    const [good, bad] = await new InvoiceFileChecker({ validate: (xml) => validator.validate(xml), validateMany: (xmls) => validator.validateMany(xmls) }).checkMany([invoice('FV/6'), broken]);
    expect(good).toMatchObject({ ok: true });
    expect(bad).toMatchObject({ ok: false, problems: [{ code: 'SCHEMA', path: '/Faktura/Fa/P_1', line: expect.any(Number), messagePl: expect.any(String) }] });
    expect(bad?.ok === false && bad.problems[0]?.messagePl).not.toBe(bad?.ok === false && bad.problems[0]?.message);
  }, 60_000);
});
