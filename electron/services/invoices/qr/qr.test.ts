import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ksefPackDir } from '../../../../test/helpers/ksef-pack';
import { createTestCertificate } from '../../certificates/test-certificate';
import {
  invoiceHashBase64Url,
  kod1Label,
  kod1Url,
  kod2SignedData,
  kod2SignerFor,
  kod2Url,
  qrPngDataUrl,
  QrCodeInputError,
  verifyKod2Url,
} from './index';
import { decodeQrDataUrl, missingTools } from './testing/decode-tools';

interface QrVectors {
  kodI: { sellerNip: string; issueDateP1: string; invoiceSha256Base64Url: string; invoiceSha256Hex: string; url: string };
  kodII: {
    contextIdentifierType: 'Nip';
    contextIdentifierValue: string;
    sellerNip: string;
    certificateSerial: string;
    invoiceSha256Base64Url: string;
    signedString: string;
    url: string;
    verifyingCertificateFile: string;
  };
}

const pack = ksefPackDir();
const vectorsFile = pack ? join(pack, 'test-vectors', 'ksef-test-vectors.json') : undefined;
const vectors = vectorsFile && existsSync(vectorsFile) ? (JSON.parse(readFileSync(vectorsFile, 'utf8')) as QrVectors) : undefined;
const noVectors = vectors ? undefined : 'KSeF reference pack absent (../shared/ksef or KSEF_SCHEMA_DIR): worked example skipped';
const noZbar = missingTools('zbarimg');

describe.skipIf(noVectors !== undefined)(`the worked example of PROTOCOL.md §14 ${noVectors ?? ''}`, () => {
  const v = vectors as QrVectors;

  it('builds KOD I exactly', () => {
    const url = kod1Url({ environment: 'test', sellerNip: v.kodI.sellerNip, issueDate: v.kodI.issueDateP1, invoiceHash: v.kodI.invoiceSha256Base64Url });
    expect(url).toBe(v.kodI.url);
    expect(Buffer.from(v.kodI.invoiceSha256Hex, 'hex').toString('base64url')).toBe(v.kodI.invoiceSha256Base64Url);
  });

  it('signs exactly the documented string and accepts the documented signature', () => {
    const fields = {
      environment: 'test' as const,
      contextType: v.kodII.contextIdentifierType,
      contextValue: v.kodII.contextIdentifierValue,
      sellerNip: v.kodII.sellerNip,
      certificateSerial: v.kodII.certificateSerial,
      invoiceHash: v.kodII.invoiceSha256Base64Url,
    };
    expect(kod2SignedData(fields).toString('utf8')).toBe(v.kodII.signedString);
    const certificate = readFileSync(join(pack as string, 'test-vectors', v.kodII.verifyingCertificateFile));
    expect(verifyKod2Url(v.kodII.url, certificate)).toBe(true);
    expect(verifyKod2Url(v.kodII.url.replace('/1111111111/01F2', '/1111111112/01F2'), certificate)).toBe(false);
    expect(new X509Certificate(certificate).serialNumber.toUpperCase()).toBe(v.kodII.certificateSerial);
  });

  it.skipIf(noZbar !== undefined)(`encodes both example URLs in PNGs that decode back ${noZbar ?? ''}`, async () => {
    expect(decodeQrDataUrl(await qrPngDataUrl(v.kodI.url))).toEqual([v.kodI.url]);
    expect(decodeQrDataUrl(await qrPngDataUrl(v.kodII.url))).toEqual([v.kodII.url]);
  });
});

describe('KOD I', () => {
  const xml = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Faktura>zażółć</Faktura>', 'utf8');

  it('hashes the exact bytes and formats the date as DD-MM-YYYY', () => {
    const url = kod1Url({ environment: 'production', sellerNip: '5265877635', issueDate: '2026-12-31', xml });
    expect(url).toBe(`https://qr.ksef.mf.gov.pl/invoice/5265877635/31-12-2026/${invoiceHashBase64Url(xml)}`);
    expect(invoiceHashBase64Url(xml)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invoiceHashBase64Url(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), xml]))).not.toBe(invoiceHashBase64Url(xml));
  });

  it('uses each environment host and the TEST host for the sandbox', () => {
    const base = { sellerNip: '5265877635', issueDate: '2026-01-02', xml };
    expect(kod1Url({ ...base, environment: 'demo' })).toMatch(/^https:\/\/qr-demo\.ksef\.mf\.gov\.pl\/invoice\//);
    expect(kod1Url({ ...base, environment: 'sandbox' })).toMatch(/^https:\/\/qr-test\.ksef\.mf\.gov\.pl\/invoice\//);
  });

  it('refuses a bad NIP, date or hash', () => {
    expect(() => kod1Url({ environment: 'test', sellerNip: '123', issueDate: '2026-01-02', xml })).toThrow(QrCodeInputError);
    expect(() => kod1Url({ environment: 'test', sellerNip: '5265877635', issueDate: '02-01-2026', xml })).toThrow(QrCodeInputError);
    expect(() => kod1Url({ environment: 'test', sellerNip: '5265877635', issueDate: '2026-01-02', invoiceHash: 'abc' })).toThrow(QrCodeInputError);
  });

  it('is labelled with the KSeF number, or OFFLINE before one exists', () => {
    expect(kod1Label('5265877635-20250729-01004014E040-00')).toBe('5265877635-20250729-01004014E040-00');
    expect(kod1Label(null)).toBe('OFFLINE');
    expect(kod1Label(' ')).toBe('OFFLINE');
  });
});

describe('KOD II with generated keys', () => {
  const fields = {
    environment: 'test' as const,
    contextType: 'Nip' as const,
    contextValue: '5265877635',
    sellerNip: '5265877635',
    certificateSerial: '1f20a5d352ae590',
    xml: Buffer.from('<Faktura/>'),
  };

  it.each([
    ['RSA 2048 (PSS)', 'rsa' as const],
    ['EC P-256 (P1363)', 'ec' as const],
  ])('%s signs a URL that verifies against the certificate', async (_name, keyType) => {
    const subject = { kind: 'seal' as const, nip: '5265877635', organizationName: 'Próba sp. z o.o.', commonName: 'Próba' };
    const { certificateDer, privateKeyPkcs8Der } = await createTestCertificate(subject, keyType);
    const privateKey = createPrivateKey({ key: privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });
    const url = await kod2Url({ ...fields, sign: kod2SignerFor(privateKey) });
    const prefix = `https://qr-test.ksef.mf.gov.pl/certificate/Nip/5265877635/5265877635/01F20A5D352AE590/${invoiceHashBase64Url(fields.xml)}/`;
    expect(url.startsWith(prefix)).toBe(true);
    const signature = Buffer.from(url.slice(prefix.length), 'base64url');
    expect(signature.length).toBe(keyType === 'ec' ? 64 : 256);
    expect(verifyKod2Url(url, certificateDer)).toBe(true);
    const other = await createTestCertificate(subject, keyType);
    expect(verifyKod2Url(url, other.certificateDer)).toBe(false);
  });

  it('refuses keys KSeF does not accept', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
    expect(() => kod2SignerFor(small)).toThrow(QrCodeInputError);
    expect(() => kod2SignerFor(p384)).toThrow(QrCodeInputError);
  });

  it('checks the context and serial', async () => {
    const sign = () => Buffer.from('x');
    await expect(kod2Url({ ...fields, contextType: 'InternalId', contextValue: '5265877635/12345', sign })).rejects.toThrow(QrCodeInputError);
    await expect(kod2Url({ ...fields, certificateSerial: 'XYZ', sign })).rejects.toThrow(QrCodeInputError);
    await expect(kod2Url({ ...fields, contextType: 'InternalId', contextValue: '5265877635-12345', sign })).resolves.toContain('/InternalId/5265877635-12345/');
  });
});
