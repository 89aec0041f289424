import { isValidNip } from '../../../shared/domain/nip';
import { isValidPesel } from '../../../shared/domain/pesel';
/**
 * Self-signed certificates that KSeF TEST accepts in place of qualified ones (PROTOCOL §4.2):
 * the subject carries the same attributes a qualified certificate would, with the identifier in
 * the `TINPL-` / `PNOPL-` / `VATPL-` form. Refusing these outside TEST is the caller's job.
 */
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

export type TestCertificateSubject =
  | { kind: 'person'; nip?: string; pesel?: string; givenName: string; surname: string; commonName: string }
  | { kind: 'seal'; nip: string; organizationName: string; commonName: string };

export type TestCertificateKeyType = 'ec' | 'rsa';

export interface TestCertificate {
  certificateDer: Buffer;
  privateKeyPkcs8Der: Buffer;
}

export type TestCertificateInputErrorCode = 'INVALID_NIP' | 'INVALID_PESEL' | 'MISSING_IDENTIFIER' | 'EMPTY_NAME';

export class TestCertificateInputError extends Error {
  override readonly name = 'TestCertificateInputError';

  constructor(
    readonly code: TestCertificateInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type X509Crypto = NonNullable<Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1]>;

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organizationName: '2.5.4.10',
  givenName: '2.5.4.42',
  organizationIdentifier: '2.5.4.97',
} as const;
// Matches the official clients: valid from an hour ago (clock skew), for two years.
const NOT_BEFORE_OFFSET_MS = 61 * 60_000;
const VALIDITY_YEARS = 2;

function requireNonEmpty(field: string, value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new TestCertificateInputError('EMPTY_NAME', `${field} must not be empty`);
  return trimmed;
}

function requireNip(nip: string): string {
  if (!isValidNip(nip)) throw new TestCertificateInputError('INVALID_NIP', 'NIP must be 10 digits with a valid checksum');
  return nip;
}

function personIdentifier(subject: Extract<TestCertificateSubject, { kind: 'person' }>): string {
  if (subject.nip !== undefined) return `TINPL-${requireNip(subject.nip)}`;
  if (subject.pesel !== undefined) {
    if (!isValidPesel(subject.pesel)) {
      throw new TestCertificateInputError('INVALID_PESEL', 'PESEL must be 11 digits with a valid checksum');
    }
    return `PNOPL-${subject.pesel}`;
  }
  throw new TestCertificateInputError('MISSING_IDENTIFIER', 'A person certificate needs a NIP or a PESEL');
}

/** Subject in the attribute order the official clients use. */
function subjectName(subject: TestCertificateSubject): x509.JsonName {
  if (subject.kind === 'person') {
    return [
      { [OID.givenName]: [requireNonEmpty('givenName', subject.givenName)] },
      { [OID.surname]: [requireNonEmpty('surname', subject.surname)] },
      { [OID.serialNumber]: [personIdentifier(subject)] },
      { [OID.commonName]: [requireNonEmpty('commonName', subject.commonName)] },
      { [OID.country]: ['PL'] },
    ];
  }
  return [
    { [OID.organizationName]: [requireNonEmpty('organizationName', subject.organizationName)] },
    { [OID.organizationIdentifier]: [`VATPL-${requireNip(subject.nip)}`] },
    { [OID.commonName]: [requireNonEmpty('commonName', subject.commonName)] },
    { [OID.country]: ['PL'] },
  ];
}

function keyAlgorithm(keyType: TestCertificateKeyType): webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams {
  return keyType === 'ec'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
}

function positiveSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // keep the DER INTEGER positive
  return bytes.toString('hex');
}

export async function createTestCertificate(
  subject: TestCertificateSubject,
  keyType: TestCertificateKeyType,
  now: Date = new Date(),
): Promise<TestCertificate> {
  const name = subjectName(subject);
  // @peculiar/x509 is typed against the DOM lib's Crypto; Node's webcrypto implements it.
  const crypto = webcrypto as unknown as X509Crypto;
  const keys = (await webcrypto.subtle.generateKey(keyAlgorithm(keyType), true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: positiveSerialHex(),
      name,
      notBefore: new Date(now.getTime() - NOT_BEFORE_OFFSET_MS),
      notAfter,
      keys,
      signingAlgorithm: keyType === 'ec' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certificateDer: Buffer.from(certificate.rawData), privateKeyPkcs8Der: Buffer.from(pkcs8) };
}

export { isValidNip, isValidPesel };
