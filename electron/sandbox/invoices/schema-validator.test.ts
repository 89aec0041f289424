import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fa3SchemaDir } from '../../services/invoices/validation';
import { generateReceivedInvoices } from './seed';
import { createFa3SchemaValidator } from './schema-validator';

const [invoice] = generateReceivedInvoices('5265877635', 1, 5, { from: '2026-02-02', to: '2026-02-02' });
const xml = invoice?.xml ?? Buffer.alloc(0);

describe('the sandbox schema check', () => {
  it('uses the shipped FA(3) XSD by default and answers 430 with line, path and message', async () => {
    const validator = createFa3SchemaValidator();
    expect(await validator.validate(xml)).toEqual({ ok: true });
    const broken = Buffer.from(xml.toString('utf8').replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-02-30</P_1>'));
    const verdict = await validator.validate(broken);
    expect(verdict).toMatchObject({ ok: false, code: 430, details: [expect.stringMatching(/^Line \d+: \/Faktura\/Fa\/P_1: Element 'P_1': '2026-02-30'/)] });
  });

  it('takes another schema copy with --schema-dir, and refuses a folder without one', async () => {
    expect(await createFa3SchemaValidator(fa3SchemaDir()).validate(xml)).toEqual({ ok: true });
    expect(() => createFa3SchemaValidator(mkdtempSync(path.join(os.tmpdir(), 'no-schema-')))).toThrow(/No FA\(3\) schema/);
  });
});
