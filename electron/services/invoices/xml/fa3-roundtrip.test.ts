import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOICE_KINDS, VAT_RATES } from '../../../../shared/domain/invoice/codes';
import { invoiceSchema } from '../../../../shared/domain/invoice/schema';
import { ksefPackDir } from '../../../../test/helpers/ksef-pack';
import { canonicalLeaves } from '../testing/canonical';
import { randomInvoices } from '../testing/random-invoice';
import { getFa3Validator } from '../validation';
import { readInvoiceXml } from './fa3-reader';
import { writeInvoiceXml } from './fa3-writer';

const GENERATED = 350;
const invoices = randomInvoices(GENERATED, 20260201);
const xmls = invoices.map((invoice) => writeInvoiceXml(invoice));

/** The pack's templates with their placeholders filled (pack README). */
function packSamples(): { name: string; xml: string }[] {
  const pack = ksefPackDir();
  if (!pack) return [];
  const root = path.join(pack, 'samples', 'invoices');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.xml'))
    .map((file) => ({
      name: file,
      xml: readFileSync(path.join(root, file), 'utf8')
        .replaceAll('#nip#', '5265877635')
        .replaceAll('#nipOdbiorca#', '7352765225')
        .replaceAll('#selfInvocingNip#', '7352765225')
        .replaceAll('#invoice_number#', '123')
        .replaceAll('#invoicing_date#', '2026-02-02'),
    }));
}

/** The same document with every element under an `fa:` prefix. */
function withPrefix(xml: string): string {
  return xml.replace(/<(\/?)([A-Za-z_])/g, '<$1fa:$2').replace(/xmlns="([^"]+)"/, 'xmlns:fa="$1"');
}

describe('generated invoices (seeded)', () => {
  it('cover every kind, every rate, foreign currencies and every buyer identifier', () => {
    expect(new Set(invoices.map((invoice) => invoice.kind))).toEqual(new Set(INVOICE_KINDS));
    const rates = new Set(invoices.flatMap((invoice) => invoice.lines.map((line) => line.rate)));
    for (const rate of VAT_RATES) expect(rates).toContain(rate);
    expect(invoices.some((invoice) => invoice.lines.some((line) => line.ossRate))).toBe(true);
    expect(invoices.some((invoice) => invoice.annotations.margin)).toBe(true);
    expect(new Set(invoices.map((invoice) => invoice.currency)).size).toBeGreaterThan(3);
    expect(new Set(invoices.map((invoice) => invoice.buyer.identifier.type))).toEqual(new Set(['NIP', 'EU_VAT', 'FOREIGN', 'NONE']));
    const preserved = new Set(invoices.flatMap((invoice) => [...(invoice.extra ?? []), ...(invoice.documentExtra ?? [])].map((node) => node.name)));
    expect(preserved).toEqual(new Set(['WarunkiTransakcji', 'Zalacznik', 'PodmiotUpowazniony']));
    expect(invoices.some((invoice) => invoice.order && invoice.order.lines.length > 0)).toBe(true);
  });

  it('round-trip a long invoice (hundreds of lines, indexed lookups)', () => {
    const base = invoices[0];
    if (!base) throw new Error('no invoices');
    const template = base.lines[0] ?? { name: 'x', netTotal: '1.00', rate: '23' as const };
    const long = { ...base, lines: Array.from({ length: 500 }, (_, index) => ({ ...template, lineNumber: index + 1, name: `pozycja ${index + 1}` })) };
    const result = readInvoiceXml(writeInvoiceXml(long));
    expect(result.ok && result.invoice).toEqual(long);
  });

  it('pass invoiceSchema', () => {
    const failures = invoices.flatMap((invoice, index) => {
      const result = invoiceSchema.safeParse(invoice);
      return result.success ? [] : [`#${index}: ${JSON.stringify(result.error.issues.slice(0, 2))}`];
    });
    expect(failures).toEqual([]);
  });

  it('read back equal to the model they were written from', () => {
    for (const [index, xml] of xmls.entries()) {
      const result = readInvoiceXml(xml);
      expect(result.ok, `#${index}`).toBe(true);
      if (result.ok) expect(result.invoice, `#${index}`).toEqual(invoices[index]);
    }
  });

  it('are valid FA(3) (official XSD and KSeF byte rules, in-app validator, one batch)', async () => {
    const reports = await getFa3Validator().validateMany(xmls);
    const invalid = reports.flatMap((report, index) =>
      report.valid ? [] : [`#${index} ${invoices[index]?.kind}: ${report.errors.slice(0, 2).map((error) => `${error.path} ${error.message}`).join(' | ')}`],
    );
    expect(invalid).toEqual([]);
  });
});

const samples = packSamples();
const samplesSkip = samples.length === 0 ? ' (skipped: KSeF reference pack not found)' : '';

describe.skipIf(samples.length === 0)(`the reference pack samples${samplesSkip}`, () => {
  it('XML → model → XML keeps every element and value', () => {
    for (const sample of samples) {
      const result = readInvoiceXml(sample.xml);
      expect(result.ok, sample.name).toBe(true);
      if (!result.ok) continue;
      expect(canonicalLeaves(writeInvoiceXml(result.invoice)), sample.name).toEqual(canonicalLeaves(sample.xml));
    }
  });

  it('are written back as valid FA(3)', async () => {
    const written = samples.map((sample) => {
      const result = readInvoiceXml(sample.xml);
      if (!result.ok) throw new Error(`${sample.name}: ${result.message}`);
      return writeInvoiceXml(result.invoice);
    });
    const reports = await getFa3Validator().validateMany(written);
    expect(reports.map((report) => report.errors)).toEqual(samples.map(() => []));
  });

  it('read the same with a prefixed namespace, a UTF-8 BOM and CRLF line endings', () => {
    for (const sample of samples) {
      const plain = readInvoiceXml(sample.xml);
      const variant = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withPrefix(sample.xml).replace(/\n/g, '\r\n'))]);
      const prefixed = readInvoiceXml(variant);
      expect(prefixed.ok, sample.name).toBe(true);
      if (plain.ok && prefixed.ok) expect(prefixed.invoice).toEqual(plain.invoice);
    }
  });
});
