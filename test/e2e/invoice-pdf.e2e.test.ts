import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kod1Url } from '../../electron/services/invoices/qr';
import { decodeQrInPdf, missingTools, pdfText } from '../../electron/services/invoices/qr/testing/decode-tools';
import { writeInvoiceXmlBytes } from '../../electron/services/invoices/xml';
import { domesticInvoice } from '../../shared/domain/invoice-document/testing/sample-invoices';
import { runCli, tempProfile } from '../helpers/browser-mode';
import { SCREENSHOT_DIR } from '../helpers/chromium';

const noTools = missingTools('pdftotext', 'pdftoppm', 'zbarimg');

// The built CLI bundle must find pdfmake and its Roboto fonts outside the bundle (node_modules).
describe.skipIf(noTools !== undefined)(`the built ksef-desk renders an invoice PDF ${noTools ?? ''}`, () => {
  it('writes a PDF with Polish text and a KOD I that decodes to the §14 URL; page 1 saved for review', async () => {
    const dir = tempProfile('ksef-desk-pdf-e2e-');
    const xml = writeInvoiceXmlBytes(domesticInvoice());
    const input = path.join(dir, 'faktura.xml');
    const out = path.join(dir, 'faktura.pdf');
    writeFileSync(input, xml);
    const ksefNumber = '5265877635-20260203-0100004014E0-40';
    const result = await runCli(['--profile', path.join(dir, 'profile'), '--env', 'test', '--json', 'invoice', 'pdf', input, '--out', out, '--ksef-number', ksefNumber]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pdf = readFileSync(out);
    const text = pdfText(pdf);
    expect(text).toContain('Zakład Ślusarski');
    expect(text).toContain('ąćęłńóśźż');
    expect(text).toContain(ksefNumber);
    expect(decodeQrInPdf(pdf)).toEqual([kod1Url({ environment: 'test', sellerNip: '5265877635', issueDate: '2026-02-03', xml })]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', out, path.join(SCREENSHOT_DIR, 'invoice-pdf-page-1')]);
  });
});
