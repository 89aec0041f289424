import { describe, expect, it } from 'vitest';
import { kod1Url, kod2SignerFor, kod2Url } from '../qr';
import { decodeQrInPdf, missingTools, pdfText } from '../qr/testing/decode-tools';
import { buildInvoiceViewData, renderInvoicePdf } from '../document-service';
import { randomInvoice } from '../testing/random-invoice';
import { writeInvoiceXmlBytes } from '../xml';
import { INVOICE_KINDS } from '../../../../shared/domain/invoice/codes';
import { AppError } from '../../errors/app-error';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ksefPackDir } from '../../../../test/helpers/ksef-pack';
import { domesticInvoice, foreignCorrection, POLISH_LETTERS } from '../../../../shared/domain/invoice-document/testing/sample-invoices';

const noTools = missingTools('pdftotext', 'pdftoppm', 'zbarimg');
const KSEF_NUMBER = '5265877635-20260203-0100004014E0-40';
/** pdftotext keeps our no-break spaces (thousands separators); compare with plain spaces. */
const plain = (value: string) => value.replace(/\u00a0/g, ' ');

describe.skipIf(noTools !== undefined)(`invoice PDF ${noTools ?? ''}`, () => {
  it('shows parties, number, dates, lines, totals and payment with Polish letters intact', async () => {
    const xml = writeInvoiceXmlBytes(domesticInvoice());
    const pdf = await renderInvoicePdf({ xml, environment: 'production', ksefNumber: KSEF_NUMBER });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = plain(pdfText(pdf));
    for (const expected of [
      'Faktura VAT',
      'nr FV/7/02/2026',
      KSEF_NUMBER,
      '03.02.2026',
      '02.02.2026',
      'Łódź',
      ...POLISH_LETTERS.split(' '),
      'Sprzedawca',
      '5265877635',
      'Nabywca',
      'Gęślą Jaźń sp. z o.o.',
      '9795075130',
      'Podmiot trzeci · Faktor',
      'Faktoring Łąka S.A.',
      'Naprawa ogrodzenia – spawanie',
      'Pręt stalowy ø12',
      'GTIN: 5901234123457',
      'Usługa zwolniona',
      '450,00',
      '103,50',
      '9,88',
      'Kwota należności ogółem: 786,87 PLN',
      'Mechanizm podzielonej płatności',
      'art. 43 ust. 1 pkt 37 ustawy o VAT',
      'ZAM/ŁÓDŹ/1',
      'przelew',
      '17.02.2026',
      'PL61 1090 1014 0000 0712 1981 2874',
      'Bank Śląski',
      'Dziękujemy za współpracę!',
      '0000123456',
      'Sprawdź, czy Twoja faktura znajduje się w KSeF!',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('carries KOD I (labelled with the KSeF number) that decodes to the exact §14 URL', async () => {
    const invoice = domesticInvoice();
    const xml = writeInvoiceXmlBytes(invoice);
    const pdf = await renderInvoicePdf({ xml, environment: 'production', ksefNumber: KSEF_NUMBER });
    const expected = kod1Url({ environment: 'production', sellerNip: '5265877635', issueDate: '2026-02-03', xml });
    expect(expected).toMatch(/^https:\/\/qr\.ksef\.mf\.gov\.pl\/invoice\/5265877635\/03-02-2026\/[A-Za-z0-9_-]{43}$/);
    expect(decodeQrInPdf(pdf)).toEqual([expected]);
  });

  it('prints KOD I as OFFLINE and KOD II (CERTYFIKAT) for an offline invoice; both decode', async () => {
    const xml = writeInvoiceXmlBytes(domesticInvoice());
    const key = createPrivateKey(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const kod2 = await kod2Url({
      environment: 'test',
      contextType: 'Nip',
      contextValue: '5265877635',
      sellerNip: '5265877635',
      certificateSerial: '01F20A5D352AE590',
      xml,
      sign: kod2SignerFor(key),
    });
    const pdf = await renderInvoicePdf({ xml, environment: 'test', kod2: { url: kod2 } });
    const kod1 = kod1Url({ environment: 'test', sellerNip: '5265877635', issueDate: '2026-02-03', xml });
    expect(decodeQrInPdf(pdf).sort()).toEqual([kod1, kod2].sort());
    const text = pdfText(pdf);
    expect(text).toContain('OFFLINE');
    expect(text).toContain('CERTYFIKAT');
  });

  it('shows a correction with the corrected invoice and VAT in PLN for another currency', async () => {
    const pdf = await renderInvoicePdf({ xml: writeInvoiceXmlBytes(foreignCorrection()), environment: 'test' });
    const text = plain(pdfText(pdf));
    for (const expected of [
      'Faktura korygująca',
      'Dane faktury korygowanej',
      'FV/2/2026',
      '5265877635-20260228-0100001AB2C3-4D',
      'Zmniejszenie liczby godzin',
      'przed korektą',
      'DE123456789',
      'Müller GmbH',
      'Kwota VAT w PLN',
      'Kurs waluty',
      '4,3000',
      '-197,80',
      'Korekta kwoty należności ogółem: -246,00 EUR',
    ]) {
      expect(text).toContain(expected);
    }
    expect(decodeQrInPdf(pdf)).toEqual([]);
  });

  it.each(INVOICE_KINDS)('renders a random valid %s invoice', async (kind) => {
    const invoice = randomInvoice(INVOICE_KINDS.indexOf(kind) + 11, kind);
    const pdf = await renderInvoicePdf({ xml: writeInvoiceXmlBytes(invoice), environment: 'demo', ksefNumber: KSEF_NUMBER });
    const text = plain(pdfText(pdf));
    expect(text).toContain(invoice.number.slice(0, 20));
    expect(text).toContain(invoice.seller.nip);
  });
});

const samplesDir = (() => {
  const pack = ksefPackDir();
  return pack && existsSync(join(pack, 'samples', 'invoices')) ? join(pack, 'samples', 'invoices') : undefined;
})();
const sampleFiles = samplesDir
  ? readdirSync(samplesDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml')).map((name) => join(samplesDir, name))
  : [];
const noSamples = noTools ?? (samplesDir ? undefined : 'KSeF reference pack absent (../shared/ksef or KSEF_SCHEMA_DIR)');

describe.skipIf(noSamples !== undefined)(`the reference pack's sample invoices ${noSamples ?? ''}`, () => {
  it.each(sampleFiles)('%s renders with its number, seller and total', async (file) => {
    // The official samples are templates: fill their placeholders the way the clients' tests do.
    const xml = readFileSync(file, 'utf8')
      .replaceAll('#nip#', '5265877635')
      .replaceAll('#invoice_number#', 'FV/SAMPLE/1')
      .replaceAll('#invoicing_date#', '2026-02-01');
    const pdf = await renderInvoicePdf({ xml: Buffer.from(xml, 'utf8'), environment: 'test', ksefNumber: KSEF_NUMBER });
    const text = plain(pdfText(pdf));
    expect(text).toContain('5265877635');
    expect(text).toMatch(/Kwota należności ogółem: -?[\d ]+,\d{2} [A-Z]{3}/);
    expect(decodeQrInPdf(pdf)).toHaveLength(1);
  });
});

describe('invoice view data', () => {
  it('has no QR code for an invoice without a KSeF number that is not offline', async () => {
    const data = await buildInvoiceViewData({ xml: writeInvoiceXmlBytes(domesticInvoice()), environment: 'sandbox' });
    expect(data.ksefNumber).toBeNull();
    expect(data.qrCodes).toEqual([]);
    expect(data.invoice.buyer.name).toBe('Gęślą Jaźń sp. z o.o.');
  });

  it('gives KOD I with the KSeF number as label and a PNG data URL', async () => {
    const data = await buildInvoiceViewData({ xml: writeInvoiceXmlBytes(domesticInvoice()), environment: 'sandbox', ksefNumber: KSEF_NUMBER });
    expect(data.qrCodes).toHaveLength(1);
    expect(data.qrCodes[0]).toMatchObject({ kind: 'KOD_I', label: KSEF_NUMBER });
    expect(data.qrCodes[0]?.url).toMatch(/^https:\/\/qr-test\.ksef\.mf\.gov\.pl\/invoice\/5265877635\/03-02-2026\//);
    expect(data.qrCodes[0]?.imageDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('refuses a file that is not an FA(3) invoice with INVOICE_FILE_INVALID', async () => {
    const attempt = buildInvoiceViewData({ xml: Buffer.from('<Faktura>'), environment: 'test' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'INVOICE_FILE_INVALID' });
  });
});
