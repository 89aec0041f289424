import { createPublicKey, randomBytes, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialImportError, type CredentialErrorCode } from '../errors';
import { inspectCertificate } from '../inspect';
import { OpensslFixtures, PERSON_NIP, SUBJECT_WITH_NIP, type FixtureKeyType } from '../testing/openssl-fixtures';
import { MAX_CREDENTIAL_FILE_BYTES, parseCredentialFile, parseCredentialPair, type ParsedCredential } from './index';

const PASSWORD = 'Zażółć-gęślą-jaźń 1!'; // non-ASCII on purpose: PBES2 uses UTF-8, the PKCS#12 KDF uses BMP
const fixtures = new OpensslFixtures();
afterAll(() => fixtures.cleanup());

function expectCode(action: () => unknown, code: CredentialErrorCode): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialImportError);
    expect((error as CredentialImportError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}, but the import succeeded`);
}

function expectMatchesOpenssl(parsed: ParsedCredential, certName: string, expectedKeyType: string): void {
  const inspection = inspectCertificate(parsed.certificateDer, { now: new Date() });
  expect(inspection.fingerprintSha256).toBe(fixtures.fingerprint(certName));
  expect(inspection.serialNumber).toBe(fixtures.serial(certName));
  expect(inspection.keyType).toBe(expectedKeyType);
  expect(inspection.nip).toBe(PERSON_NIP);
  expect(inspection.subject.attributes['CN']).toEqual(['Jan Kowalski']);
  const keySpki = createPublicKey(parsed.privateKey).export({ type: 'spki', format: 'der' });
  const certSpki = new X509Certificate(parsed.certificateDer).publicKey.export({ type: 'spki', format: 'der' });
  expect(keySpki.equals(certSpki)).toBe(true);
}

const KEY_TYPES: Array<[FixtureKeyType, string]> = [
  ['rsa', 'RSA-2048'],
  ['ec-p256', 'EC-P256'],
  ['ec-p384', 'EC-P384'],
];

describe.each(KEY_TYPES)('%s credentials', (keyType, expectedKeyType) => {
  let key = '';
  let cert = '';
  beforeAll(() => {
    key = fixtures.generateKey(keyType);
    cert = fixtures.selfSigned(key, SUBJECT_WITH_NIP);
  });
  const file = (name: string): Buffer => fixtures.read(name);

  it.each(['aes', '3des', 'rc2'] as const)('PKCS#12 (%s)', (flavour) => {
    const p12 = fixtures.pkcs12(cert, key, PASSWORD, flavour);
    const parsed = parseCredentialFile(file(p12), 'cert.p12', PASSWORD);
    expect(parsed.format).toBe('pkcs12');
    expectMatchesOpenssl(parsed, cert, expectedKeyType);
  });

  it('PEM bundle with PKCS#8 key', () => {
    const parsed = parseCredentialFile(file(fixtures.concat(cert, key)), 'bundle.pem');
    expectMatchesOpenssl(parsed, cert, expectedKeyType);
  });

  it('PEM bundle with PKCS#1/SEC1 key before the certificate', () => {
    const parsed = parseCredentialFile(file(fixtures.concat(fixtures.traditionalKey(key, 'PEM'), cert)), 'bundle.pem');
    expectMatchesOpenssl(parsed, cert, expectedKeyType);
  });

  it('PEM bundle with encrypted PKCS#8 key', () => {
    const bundle = fixtures.concat(cert, fixtures.encryptedPkcs8(key, PASSWORD, 'PEM'));
    expectMatchesOpenssl(parseCredentialFile(file(bundle), 'bundle.pem', PASSWORD), cert, expectedKeyType);
  });

  it('certificate PEM + PKCS#8 DER key', () => {
    expectMatchesOpenssl(parseCredentialPair(file(cert), file(fixtures.pkcs8Der(key))), cert, expectedKeyType);
  });

  it('certificate DER + PKCS#1/SEC1 DER key', () => {
    const parsed = parseCredentialPair(file(fixtures.toDer(cert)), file(fixtures.traditionalKey(key, 'DER')));
    expect(parsed.format).toBe('der');
    expectMatchesOpenssl(parsed, cert, expectedKeyType);
  });

  it('certificate DER + encrypted PKCS#8 (PEM and DER)', () => {
    const certDer = file(fixtures.toDer(cert));
    for (const form of ['PEM', 'DER'] as const) {
      const encrypted = file(fixtures.encryptedPkcs8(key, PASSWORD, form));
      expectMatchesOpenssl(parseCredentialPair(certDer, encrypted, PASSWORD), cert, expectedKeyType);
      expectCode(() => parseCredentialPair(certDer, encrypted), 'PASSWORD_REQUIRED');
      expectCode(() => parseCredentialPair(certDer, encrypted, 'wrong'), 'WRONG_PASSWORD');
    }
  });

  it('certificate PEM + legacy encrypted traditional PEM (Proc-Type)', () => {
    const legacy = file(fixtures.legacyEncryptedPem(key, PASSWORD));
    expectMatchesOpenssl(parseCredentialPair(file(cert), legacy, PASSWORD), cert, expectedKeyType);
    expectCode(() => parseCredentialPair(file(cert), legacy), 'PASSWORD_REQUIRED');
    expectCode(() => parseCredentialPair(file(cert), legacy, 'wrong'), 'WRONG_PASSWORD');
  });
});

describe('PKCS#12 specifics and failures', () => {
  let key = '';
  let cert = '';
  beforeAll(() => {
    key = fixtures.generateKey('ec-p256');
    cert = fixtures.selfSigned(key, SUBJECT_WITH_NIP);
  });

  it.each(['aes', '3des', 'rc2'] as const)('wrong / missing password on %s', (flavour) => {
    const p12 = fixtures.read(fixtures.pkcs12(cert, key, PASSWORD, flavour));
    expectCode(() => parseCredentialFile(p12, 'a.p12', 'wrong'), 'WRONG_PASSWORD');
    expectCode(() => parseCredentialFile(p12, 'a.p12'), 'PASSWORD_REQUIRED');
  });

  it('opens a PKCS#12 exported with an empty password without asking', () => {
    const p12 = fixtures.read(fixtures.pkcs12(cert, key, '', 'aes'));
    expect(parseCredentialFile(p12, 'a.pfx').format).toBe('pkcs12');
  });

  it('picks the leaf that matches the key and returns the CA as chain', () => {
    const ca = fixtures.certificateAuthority('rsa', '/CN=Test CA/O=Test/C=PL');
    const leafKey = fixtures.generateKey('ec-p256');
    const leaf = fixtures.issued(leafKey, SUBJECT_WITH_NIP, ca.cert, ca.key);
    const p12 = fixtures.read(fixtures.pkcs12(leaf, leafKey, PASSWORD, 'aes', [ca.cert]));
    const fromP12 = parseCredentialFile(p12, 'a.p12', PASSWORD);
    expect(fromP12.chainDer).toHaveLength(1);
    expectMatchesOpenssl(fromP12, leaf, 'EC-P256');
    // CA first in a PEM bundle: order must not matter
    const bundle = fixtures.read(fixtures.concat(ca.cert, leafKey, leaf));
    const fromPem = parseCredentialFile(bundle, 'bundle.pem');
    expect(fromPem.chainDer).toHaveLength(1);
    expectMatchesOpenssl(fromPem, leaf, 'EC-P256');
  });

  it('corrupt files give CORRUPT_FILE', () => {
    const p12 = fixtures.read(fixtures.pkcs12(cert, key, PASSWORD, 'aes'));
    expectCode(() => parseCredentialFile(p12.subarray(0, p12.length - 40), 'a.p12', PASSWORD), 'CORRUPT_FILE');
    expectCode(() => parseCredentialFile(randomBytes(600), 'a.p12', PASSWORD), 'CORRUPT_FILE');
    const pem = fixtures.read(cert).toString('latin1');
    expectCode(() => parseCredentialFile(Buffer.from(pem.slice(0, pem.length / 2)), 'a.pem'), 'CORRUPT_FILE');
    expectCode(() => parseCredentialFile(Buffer.from(pem.replace(/[A-Z]{6}/, '!@#$%^')), 'a.pem'), 'CORRUPT_FILE');
  });

  it('unrecognised input gives UNSUPPORTED_FORMAT', () => {
    expectCode(() => parseCredentialFile(Buffer.from('hello, world'), 'notes.txt'), 'UNSUPPORTED_FORMAT');
    const csr = fixtures.path('req.csr');
    fixtures.run('req', '-new', '-key', key, '-subj', '/CN=x', '-out', csr);
    expectCode(() => parseCredentialFile(fixtures.read('req.csr'), 'req.pem'), 'UNSUPPORTED_FORMAT');
  });

  it('certificate alone → NO_PRIVATE_KEY; key alone → NO_CERTIFICATE', () => {
    expectCode(() => parseCredentialFile(fixtures.read(cert), 'c.pem'), 'NO_PRIVATE_KEY');
    expectCode(() => parseCredentialFile(fixtures.read(fixtures.toDer(cert)), 'c.cer'), 'NO_PRIVATE_KEY');
    expectCode(() => parseCredentialFile(fixtures.read(key), 'k.pem'), 'NO_CERTIFICATE');
    expectCode(() => parseCredentialPair(fixtures.read(key), fixtures.read(key)), 'NO_CERTIFICATE');
  });

  it('a key from another certificate → KEY_CERT_MISMATCH', () => {
    const otherKey = fixtures.generateKey('ec-p256');
    expectCode(() => parseCredentialPair(fixtures.read(cert), fixtures.read(otherKey)), 'KEY_CERT_MISMATCH');
    expectCode(() => parseCredentialFile(fixtures.read(fixtures.concat(cert, otherKey)), 'b.pem'), 'KEY_CERT_MISMATCH');
  });

  it('files over the size cap → FILE_TOO_LARGE', () => {
    expectCode(() => parseCredentialFile(Buffer.alloc(MAX_CREDENTIAL_FILE_BYTES + 1, 0x30), 'huge.p12'), 'FILE_TOO_LARGE');
  });
});
