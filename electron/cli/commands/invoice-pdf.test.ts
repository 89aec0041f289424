import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../../test/helpers/capture-output';
import { kod1Url } from '../../services/invoices/qr';
import { decodeQrInPdf, missingTools, pdfText } from '../../services/invoices/qr/testing/decode-tools';
import { domesticInvoice } from '../../../shared/domain/invoice-document/testing/sample-invoices';
import { writeInvoiceXmlBytes } from '../../services/invoices/xml';
import { runCli } from '../program';

const noTools = missingTools('pdftotext', 'pdftoppm', 'zbarimg');
const KSEF_NUMBER = '5265877635-20260203-0100004014E0-40';

describe.skipIf(noTools !== undefined)(`ksef-desk invoice pdf ${noTools ?? ''}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ksef-desk-pdf-cli-'));
  const profile = path.join(dir, 'profile');
  afterEach(() => vi.restoreAllMocks());

  it('writes the PDF with the KSeF number and KOD I for the chosen environment', async () => {
    const xml = writeInvoiceXmlBytes(domesticInvoice());
    const input = path.join(dir, 'faktura.xml');
    const out = path.join(dir, 'faktura.pdf');
    writeFileSync(input, xml);
    const io = captureOutput();
    expect(await runCli(['--profile', profile, '--env', 'demo', '--json', 'invoice', 'pdf', input, '--out', out, '--ksef-number', KSEF_NUMBER])).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ out, bytes: expect.any(Number) });
    const pdf = readFileSync(out);
    expect(pdfText(pdf)).toContain(KSEF_NUMBER);
    expect(decodeQrInPdf(pdf)).toEqual([kod1Url({ environment: 'demo', sellerNip: '5265877635', issueDate: '2026-02-03', xml })]);
  });

  it('fails with the reader code for a file that is not FA(3)', async () => {
    const input = path.join(dir, 'upo.xml');
    writeFileSync(input, '<?xml version="1.0"?><Potwierdzenie xmlns="urn:x"/>');
    const io = captureOutput();
    expect(await runCli(['--profile', profile, '--env', 'test', '--json', 'invoice', 'pdf', input, '--out', path.join(dir, 'x.pdf')])).toBe(1);
    expect(JSON.parse(io.err())).toMatchObject({ error: { code: 'INVOICE_FILE_INVALID' } });
  });
});
