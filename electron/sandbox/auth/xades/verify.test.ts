import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ksefPackDir } from '../../../../test/helpers/ksef-pack';
import { CHALLENGE, createTestSigner, requestXml, skipNote, type TestSigner } from '../../../../test/fixtures/xades/xades-test-kit';
import { signXadesEnveloped } from '../../../services/signing/xades-sign';
import { verifyAuthTokenRequest, XadesVerificationError } from './verify';

const PACK = ksefPackDir();
let ec: TestSigner;

beforeAll(async () => {
  ec = await createTestSigner('ec');
});

/** Signs with our client signer; the verifier under test never imports it itself. */
function signed(xml = requestXml()): string {
  return signXadesEnveloped(xml, ec.key, ec.certificateDer);
}

function rejection(body: string | Buffer): XadesVerificationError {
  try {
    verifyAuthTokenRequest(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  } catch (error) {
    expect(error).toBeInstanceOf(XadesVerificationError);
    return error as XadesVerificationError;
  }
  throw new Error('expected a XadesVerificationError');
}

const SIGNATURE_BLOCK = /<ds:Signature[\s\S]*<\/ds:Signature>/;

describe('verifyAuthTokenRequest: accepted documents', () => {
  it('returns the parsed request and the signer certificate', () => {
    const verified = verifyAuthTokenRequest(Buffer.from(signed(), 'utf8'));
    expect(verified).toMatchObject({
      namespace: '2.0',
      challenge: CHALLENGE,
      context: { type: 'Nip', value: '5265877635' },
      subjectIdentifierType: 'certificateSubject',
    });
    expect(verified.allowedIps).toBeUndefined();
    expect(verified.signerCertificateDer.equals(ec.certificateDer)).toBe(true);
  });

  it('reads namespace 2.1, AllowedIps and every context type', () => {
    const allowedIps = { ip4Addresses: ['1.2.3.4', '5.6.7.8'], ip4Ranges: ['10.0.0.1-10.0.0.5'], ip4Masks: ['192.168.0.0/16'] };
    const verified = verifyAuthTokenRequest(Buffer.from(signed(requestXml({ namespaceVersion: '2.1', allowedIps })), 'utf8'));
    expect(verified.namespace).toBe('2.1');
    expect(verified.allowedIps).toEqual(allowedIps);
    for (const [type, value] of [['InternalId', '5265877635-12345'], ['NipVatUe', '5265877635-ATU12345678'], ['PeppolId', 'PPL123456']] as const) {
      const xml = requestXml().replace('<Nip>5265877635</Nip>', `<${type}>${value}</${type}>`);
      expect(verifyAuthTokenRequest(Buffer.from(signed(xml), 'utf8')).context).toEqual({ type, value });
    }
  });

  it.skipIf(!PACK)(`passes the structural check for every official unsigned sample, then reports 9102${skipNote(Boolean(PACK), 'KSeF pack not found (KSEF_SCHEMA_DIR or ../shared/ksef)')}`, () => {
    const dir = join(PACK as string, 'samples', 'auth');
    const files = readdirSync(dir).filter((name) => name.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const name of files) expect(rejection(readFileSync(join(dir, name))).exceptionCode).toBe(9102);
  });
});

describe('verifyAuthTokenRequest: signature rejections', () => {
  it('9105 when the Challenge is changed after signing', () => {
    const error = rejection(signed().replace('537A6BA15D', '537A6BA15E'));
    expect(error.exceptionCode).toBe(9105);
    expect(error.details.join()).toMatch(/digest mismatch/);
  });

  it('9105 when the SignatureValue is tampered with', () => {
    const xml = signed().replace(/(<ds:SignatureValue>)(.)/, (_m, open: string, first: string) => `${open}${first === 'A' ? 'B' : 'A'}`);
    expect(rejection(xml).exceptionCode).toBe(9105);
  });

  it('9105 when the XAdES SigningTime is changed after signing', () => {
    expect(rejection(signed().replace(/<xades:SigningTime>\d{4}/, '<xades:SigningTime>1999')).exceptionCode).toBe(9105);
  });

  it('9102 when the signature is removed', () => {
    expect(rejection(signed().replace(SIGNATURE_BLOCK, '')).exceptionCode).toBe(9102);
  });

  it('9103 when there are two signatures', () => {
    const xml = signed();
    const block = SIGNATURE_BLOCK.exec(xml)?.[0] ?? '';
    expect(rejection(xml.replace(block, block + block)).exceptionCode).toBe(9103);
  });

  it('9105 for a detached (external URI) reference', () => {
    const error = rejection(signed().replace('URI=""', 'URI="http://example.com/request.xml"'));
    expect(error.exceptionCode).toBe(9105);
    expect(error.details.join()).toMatch(/detached/);
  });

  it('9105 when an Id is duplicated to re-point a reference', () => {
    const xml = signed().replace('</ds:Signature>', '<ds:Object><x Id="SignedProperties"/></ds:Object></ds:Signature>');
    expect(rejection(xml).details.join()).toMatch(/ambiguous/);
  });

  it('9105 for a certificate that did not make the signature', async () => {
    const other = await createTestSigner('ec', '7352765225');
    const xml = signed().replace(/<ds:X509Certificate>[^<]+/, `<ds:X509Certificate>${other.certificateDer.toString('base64')}`);
    expect(rejection(xml).exceptionCode).toBe(9105);
  });
});

describe('verifyAuthTokenRequest: document rejections', () => {
  it.each([
    ['empty body', '', 21001],
    ['plain text', 'hello', 21001],
    ['JSON', '{"challenge":"x"}', 21001],
    ['malformed XML', '<AuthTokenRequest><Challenge></AuthTokenRequest>', 9101],
    ['DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 9101],
    ['processing instruction', '<?xml-stylesheet href="a"?><a/>', 9101],
  ])('%s → %i', (_name, body, code) => {
    expect(rejection(body).exceptionCode).toBe(code);
  });

  it('21217 for non-UTF-8 bytes, UTF-16, a BOM or a declared non-UTF-8 encoding', () => {
    const latin2 = Buffer.concat([Buffer.from('<a>'), Buffer.from([0xbf]), Buffer.from('</a>')]);
    expect(rejection(latin2).exceptionCode).toBe(21217);
    expect(rejection(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')])).exceptionCode).toBe(21217);
    expect(rejection(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(signed())])).exceptionCode).toBe(21217);
    expect(rejection(signed().replace('encoding="utf-8"', 'encoding="ISO-8859-2"')).exceptionCode).toBe(21217);
  });

  it.each([
    ['wrong root element', (xml: string) => xml.replace(/AuthTokenRequest/g, 'AuthRequest')],
    ['wrong namespace', (xml: string) => xml.replace('auth/token/2.0', 'auth/token/2.2')],
    ['missing ContextIdentifier', (xml: string) => xml.replace(/<ContextIdentifier>[\s\S]*<\/ContextIdentifier>/, '')],
    ['NIP not matching the pattern', (xml: string) => xml.replace('>5265877635<', '>0265877635<')],
    ['bad Challenge', (xml: string) => xml.replace(CHALLENGE, '20250604-CR-461ea5b000-537A6BA15D-D7')],
    ['elements out of order', (xml: string) => xml.replace(/(<Challenge>.*<\/Challenge>)(\s*)(<ContextIdentifier>[\s\S]*<\/ContextIdentifier>)/, '$3$2$1')],
    ['unknown SubjectIdentifierType', (xml: string) => xml.replace('certificateSubject', 'certificateSerial')],
    ['invalid NipVatUe', (xml: string) => xml.replace('<Nip>5265877635</Nip>', '<NipVatUe>5265877635-XX123</NipVatUe>')],
    ['two context identifiers', (xml: string) => xml.replace('<Nip>5265877635</Nip>', '<Nip>5265877635</Nip><Nip>7352765225</Nip>')],
    ['unexpected attribute', (xml: string) => xml.replace('<Challenge>', '<Challenge extra="1">')],
  ])('21401 for %s, with details, even when correctly signed', (_name, mutate) => {
    const error = rejection(signed(mutate(requestXml())));
    expect(error.exceptionCode).toBe(21401);
    expect(error.details.length).toBeGreaterThan(0);
  });

  it('names the missing element in the details', () => {
    const error = rejection(signed(requestXml().replace(/<ContextIdentifier>[\s\S]*<\/ContextIdentifier>/, '')));
    expect(error.details.join()).toMatch(/ContextIdentifier/);
  });
});
