import { describe, expect, it } from 'vitest';
import { invoiceSchema } from '../../../../shared/domain/invoice/schema';
import { canonicalLeaves } from '../testing/canonical';
import { Random } from '../testing/prng';
import { Fa3InstanceGenerator } from '../testing/xsd-instance';
import { getFa3Validator } from '../validation';
import { fa3SchemaDir } from '../validation/runtime-assets';
import { readInvoiceXml } from './fa3-reader';
import { writeInvoiceXml } from './fa3-writer';

/** Documents generated from the XSD (not from our model): every optional element, choice branch and repetition. */
describe('any XSD-valid FA(3)', () => {
  it('read into a valid model, and XML → model → XML keeps every element path and value (300 documents)', async () => {
    const generator = new Fa3InstanceGenerator(fa3SchemaDir());
    const documents = Array.from({ length: 300 }, (_, index) => generator.generate(new Random(90_000 + index)));
    // The generator itself must produce valid FA(3), else the round trip proves nothing.
    const verdicts = await getFa3Validator().validateMany(documents);
    expect(verdicts.flatMap((verdict, index) => (verdict.valid ? [] : [`#${index}: ${verdict.errors[0]?.path ?? ''} ${verdict.errors[0]?.message ?? ''}`]))).toEqual([]);

    const leafPaths = new Set<string>();
    for (const [index, xml] of documents.entries()) {
      const result = readInvoiceXml(xml);
      if (!result.ok) throw new Error(`#${index}: ${result.code} ${result.message}`);
      // What the reader returns is a model the rest of the app accepts (IPC, the form, `invoice new`).
      expect(invoiceSchema.safeParse(result.invoice).success, `#${index} schema`).toBe(true);
      const original = canonicalLeaves(xml);
      expect(canonicalLeaves(writeInvoiceXml(result.invoice)), `#${index}`).toEqual(original);
      for (const leaf of original) leafPaths.add(leaf.slice(0, leaf.indexOf('=')));
    }
    // Breadth: the rarely used corners of the schema were exercised.
    for (const corner of ['/Podmiot3/RolaInna', '/Fa/Podmiot2K/', '/NowySrodekTransportu/', '/Platnosc/ZaplataCzesciowa/', '/Zalacznik/BlokDanych/Tabela/', '/PodmiotUpowazniony/']) {
      expect([...leafPaths].some((leafPath) => leafPath.includes(corner)), corner).toBe(true);
    }
    expect(leafPaths.size).toBeGreaterThan(300);
  });
});
