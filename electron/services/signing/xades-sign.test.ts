import { createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuthTokenRequest } from '../../sandbox/auth/xades/verify';
import { OpensslFixtures, SUBJECT_WITH_NIP } from '../certificates/testing/openssl-fixtures';
import { createTestSigner, hasTool, skipNote, requestXml, xmlsecVerify, type TestSigner } from '../../../test/fixtures/xades/xades-test-kit';
import { signXadesEnveloped, XADES_NS, XMLDSIG_NS, XadesSigningError } from './xades-sign';

const XMLSEC1 = hasTool('xmlsec1');
const signers: Partial<Record<'rsa' | 'ec', TestSigner>> = {};

beforeAll(async () => {
  signers.rsa = await createTestSigner('rsa');
  signers.ec = await createTestSigner('ec');
});

function signer(keyType: 'rsa' | 'ec'): TestSigner {
  const found = signers[keyType];
  if (!found) throw new Error('signer not created');
  return found;
}

function dsText(root: Element, namespace: string, localName: string): string {
  return root.getElementsByTagNameNS(namespace, localName).item(0)?.textContent ?? '';
}

describe.each(['rsa', 'ec'] as const)('signXadesEnveloped with %s key', (keyType) => {
  it('produces the C#-like XAdES-BES shape', () => {
    const signingTime = new Date('2026-03-01T10:00:00Z');
    const signed = signXadesEnveloped(requestXml(), signer(keyType).key, signer(keyType).certificateDer, { signingTime });
    const root = new DOMParser().parseFromString(signed, 'application/xml').documentElement as Element;
    const signature = root.lastChild as Element;
    expect(signature.namespaceURI).toBe(XMLDSIG_NS);
    expect(signature.localName).toBe('Signature');
    expect(signature.getAttribute('Id')).toBe('Signature');
    const algorithms = Array.from({ length: 20 }, (_, i) => signature.getElementsByTagNameNS('*', '*').item(i))
      .map((element) => element?.getAttribute('Algorithm'))
      .filter(Boolean);
    expect(algorithms).toContain('http://www.w3.org/2001/10/xml-exc-c14n#');
    expect(algorithms).toContain('http://www.w3.org/2000/09/xmldsig#enveloped-signature');
    expect(algorithms).toContain(
      keyType === 'ec' ? 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    );
    const signatureValue = Buffer.from(dsText(signature, XMLDSIG_NS, 'SignatureValue'), 'base64');
    expect(signatureValue.length).toBe(keyType === 'ec' ? 64 : 256);
    expect(dsText(signature, XADES_NS, 'SigningTime')).toBe('2026-03-01T10:00:00Z');
    const certDigest = signature.getElementsByTagNameNS(XADES_NS, 'CertDigest').item(0) as Element;
    expect(dsText(certDigest, XMLDSIG_NS, 'DigestValue')).toBe(createHash('sha256').update(signer(keyType).certificateDer).digest('base64'));
    expect(dsText(signature, XMLDSIG_NS, 'X509SerialNumber')).toMatch(/^\d+$/);
    expect(dsText(signature, XMLDSIG_NS, 'X509IssuerName')).toMatch(/^C=PL,CN=Jan Testowy,2\.5\.4\.5=#/);
    const qualifying = signature.getElementsByTagNameNS(XADES_NS, 'QualifyingProperties').item(0);
    expect(qualifying?.getAttribute('Target')).toBe('#Signature');
  });

  it('defaults SigningTime to about one minute ago', () => {
    const signed = signXadesEnveloped(requestXml(), signer(keyType).key, signer(keyType).certificateDer);
    const time = /<xades:SigningTime>([^<]+)</.exec(signed)?.[1] ?? '';
    const ageMs = Date.now() - new Date(time).getTime();
    expect(ageMs).toBeGreaterThan(55_000);
    expect(ageMs).toBeLessThan(70_000);
  });

  it('verifies with our sandbox verifier and returns the signer certificate', () => {
    const signed = signXadesEnveloped(requestXml(), signer(keyType).key, signer(keyType).certificateDer);
    const verified = verifyAuthTokenRequest(Buffer.from(signed, 'utf8'));
    expect(verified.challenge).toBe('20250604-CR-461EA5B000-537A6BA15D-D7');
    expect(verified.signerCertificateDer.equals(signer(keyType).certificateDer)).toBe(true);
  });

  it.skipIf(!XMLSEC1)(`verifies with xmlsec1 --verify${skipNote(XMLSEC1, 'xmlsec1 not installed')}`, () => {
    const signed = signXadesEnveloped(
      requestXml({ allowedIps: { ip4Addresses: ['192.168.0.1'], ip4Masks: ['10.0.0.0/8'] } }),
      signer(keyType).key,
      signer(keyType).certificateDer,
    );
    const result = xmlsecVerify(signed, signer(keyType));
    expect(result.output).toContain('OK');
    expect(result.status).toBe(0);
  });

  it.skipIf(!XMLSEC1)(`is rejected by xmlsec1 once the Challenge is changed${skipNote(XMLSEC1, 'xmlsec1 not installed')}`, () => {
    const signed = signXadesEnveloped(requestXml(), signer(keyType).key, signer(keyType).certificateDer);
    const result = xmlsecVerify(signed.replace('537A6BA15D', '537A6BA15E'), signer(keyType));
    expect(result.status).not.toBe(0);
  });
});

describe('signXadesEnveloped input checks', () => {
  it('refuses a key that does not belong to the certificate', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(() => signXadesEnveloped(requestXml(), privateKey, signer('ec').certificateDer)).toThrow(XadesSigningError);
  });

  it('refuses keys KSeF does not accept and already signed documents', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    expect(() => signXadesEnveloped(requestXml(), privateKey, signer('ec').certificateDer)).toThrow(/does not accept this key/);
    const shortRsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => signXadesEnveloped(requestXml(), shortRsa, signer('rsa').certificateDer)).toThrow(/RSA_KEY_TOO_SHORT/);
    const signed = signXadesEnveloped(requestXml(), signer('ec').key, signer('ec').certificateDer);
    expect(() => signXadesEnveloped(signed, signer('ec').key, signer('ec').certificateDer)).toThrow(/already signed/);
  });

  it('signs with a P-384 key using ecdsa-sha384, and the sandbox verifier accepts it', () => {
    const fixtures = new OpensslFixtures();
    try {
      const key = fixtures.generateKey('ec-p384');
      const certificateDer = fixtures.read(fixtures.toDer(fixtures.selfSigned(key, SUBJECT_WITH_NIP)));
      const signed = signXadesEnveloped(requestXml(), createPrivateKey(fixtures.read(key)), certificateDer);
      expect(signed).toContain('http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384');
      expect(verifyAuthTokenRequest(Buffer.from(signed, 'utf8')).signerCertificateDer.equals(certificateDer)).toBe(true);
    } finally {
      fixtures.cleanup();
    }
  });

  it('refuses malformed XML', () => {
    expect(() => signXadesEnveloped('<a><b></a>', signer('rsa').key, signer('rsa').certificateDer)).toThrow(XadesSigningError);
  });
});
