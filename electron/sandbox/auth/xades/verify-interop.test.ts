/**
 * Interop: documents signed by xmlsec1 (an independent XMLDSig implementation) and a hand-built
 * RSA-PSS signature must verify with our sandbox verifier.
 */
import { createHash, constants, sign } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestSigner,
  hasTool,
  requestXml,
  signatureTemplate,
  skipNote,
  URIS,
  xmlsecSign,
  type TemplateOptions,
  type TestSigner,
} from '../../../../test/fixtures/xades/xades-test-kit';
import { verifyAuthTokenRequest, XadesVerificationError } from './verify';

const XMLSEC1 = hasTool('xmlsec1');
const XADES_ID_ATTR = 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties';
const signers: Partial<Record<'rsa' | 'ec' | 'other', TestSigner>> = {};

beforeAll(async () => {
  signers.rsa = await createTestSigner('rsa');
  signers.ec = await createTestSigner('ec');
  signers.other = await createTestSigner('ec', '7352765225');
});

function signer(name: 'rsa' | 'ec' | 'other'): TestSigner {
  const found = signers[name];
  if (!found) throw new Error('signer not created');
  return found;
}

function certDigest(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64');
}

function expectCode(xml: string, code: number): XadesVerificationError {
  try {
    verifyAuthTokenRequest(Buffer.from(xml, 'utf8'));
  } catch (error) {
    expect(error).toBeInstanceOf(XadesVerificationError);
    expect((error as XadesVerificationError).exceptionCode).toBe(code);
    return error as XadesVerificationError;
  }
  throw new Error(`expected exception ${code}`);
}

const withComments = requestXml().replace('<ContextIdentifier>', '<!-- context --><ContextIdentifier>');

const variants: Array<[string, 'rsa' | 'ec', TemplateOptions, string?]> = [
  ['rsa-sha256, exc-c14n', 'rsa', { signatureMethod: URIS.rsaSha256 }],
  ['ecdsa-sha256, exc-c14n', 'ec', { signatureMethod: URIS.ecdsaSha256 }],
  ['ecdsa-sha384 with sha512 digests', 'ec', { signatureMethod: URIS.ecdsaSha384, digest: URIS.sha512 }],
  [
    'rsa-sha1, inclusive C14N 1.0 SignedInfo, implicit c14n after enveloped',
    'rsa',
    { signatureMethod: URIS.rsaSha1, digest: URIS.sha1, canonicalization: URIS.c14n10, transformsXml: `<ds:Transform Algorithm="${URIS.enveloped}"/>` },
  ],
  [
    'rsa-sha512, C14N with comments on a document with comments',
    'rsa',
    {
      signatureMethod: URIS.rsaSha512,
      canonicalization: URIS.c14n10Comments,
      transformsXml: `<ds:Transform Algorithm="${URIS.enveloped}"/><ds:Transform Algorithm="${URIS.c14n10Comments}"/>`,
    },
    withComments,
  ],
  [
    'C14N 1.1',
    'ec',
    { signatureMethod: URIS.ecdsaSha256, canonicalization: URIS.c14n11, transformsXml: `<ds:Transform Algorithm="${URIS.enveloped}"/><ds:Transform Algorithm="${URIS.c14n11}"/>` },
  ],
  [
    'XPath not(ancestor-or-self::ds:Signature)',
    'rsa',
    {
      signatureMethod: URIS.rsaSha256,
      transformsXml: `<ds:Transform Algorithm="${URIS.xpath}"><ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath></ds:Transform><ds:Transform Algorithm="${URIS.excC14n}"/>`,
    },
  ],
];

describe.skipIf(!XMLSEC1)(`documents signed by xmlsec1${skipNote(XMLSEC1, 'xmlsec1 not installed')}`, () => {
  it.each(variants)('accepts %s', (_name, keyType, options, unsigned) => {
    const signed = xmlsecSign(signatureTemplate(unsigned ?? requestXml(), options), signer(keyType));
    const verified = verifyAuthTokenRequest(Buffer.from(signed, 'utf8'));
    expect(verified.context).toEqual({ type: 'Nip', value: '5265877635' });
    expect(verified.signerCertificateDer.equals(signer(keyType).certificateDer)).toBe(true);
  });

  it.each(['rsa', 'ec'] as const)('accepts a %s XAdES signature whose SignedProperties are canonicalized with inclusive C14N in place', (keyType) => {
    const options = { signatureMethod: keyType === 'ec' ? URIS.ecdsaSha256 : URIS.rsaSha256, xadesCertDigestSha256: certDigest(signer(keyType).certificateDer) };
    const signed = xmlsecSign(signatureTemplate(requestXml(), options), signer(keyType), [XADES_ID_ATTR]);
    expect(verifyAuthTokenRequest(Buffer.from(signed, 'utf8')).signerCertificateDer.equals(signer(keyType).certificateDer)).toBe(true);
  });

  it('rejects a XAdES SigningCertificate that names another certificate (9105)', () => {
    const options = { signatureMethod: URIS.ecdsaSha256, xadesCertDigestSha256: certDigest(signer('other').certificateDer) };
    const signed = xmlsecSign(signatureTemplate(requestXml(), options), signer('ec'), [XADES_ID_ATTR]);
    expect(expectCode(signed, 9105).details.join()).toMatch(/SigningCertificate/);
  });

  it('rejects an xmlsec1 signature after the Challenge was changed (9105)', () => {
    const signed = xmlsecSign(signatureTemplate(requestXml(), { signatureMethod: URIS.rsaSha256 }), signer('rsa'));
    expectCode(signed.replace('461EA5B000', '461EA5B001'), 9105);
  });
});

describe('hand-built RSA-PSS signature', () => {
  it('accepts sha256-rsa-MGF1', () => {
    const canonicalizer = new ExclusiveCanonicalization();
    type C14nInput = Parameters<ExclusiveCanonicalization['process']>[0];
    const c14n = (element: Element): string => canonicalizer.process(element as unknown as C14nInput, {});
    const unsigned = requestXml();
    const root = new DOMParser().parseFromString(unsigned, 'application/xml').documentElement as Element;
    const digest = createHash('sha256').update(c14n(root)).digest('base64');
    const signatureXml =
      `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>` +
      `<ds:CanonicalizationMethod Algorithm="${URIS.excC14n}"/><ds:SignatureMethod Algorithm="${URIS.rsaPssSha256}"/>` +
      `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${URIS.enveloped}"/><ds:Transform Algorithm="${URIS.excC14n}"/></ds:Transforms>` +
      `<ds:DigestMethod Algorithm="${URIS.sha256}"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference></ds:SignedInfo>` +
      `<ds:SignatureValue>VALUE</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${signer('rsa').certificateDer.toString('base64')}` +
      `</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;
    const template = unsigned.replace('</AuthTokenRequest>', `${signatureXml}</AuthTokenRequest>`);
    const document = new DOMParser().parseFromString(template, 'application/xml');
    const signedInfo = document.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'SignedInfo').item(0) as Element;
    const value = sign('sha256', Buffer.from(c14n(signedInfo)), { key: signer('rsa').key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    const signed = template.replace('VALUE', value.toString('base64'));
    expect(verifyAuthTokenRequest(Buffer.from(signed, 'utf8')).signerCertificateDer.equals(signer('rsa').certificateDer)).toBe(true);
    expectCode(signed.replace('certificateSubject', 'certificateFingerprint'), 9105);
  });
});
