/**
 * PKCS#10 requests for KSeF certificates (PROTOCOL §11 step 3): the subject repeats the enrollment
 * data exactly; key EC P-256 (recommended) or RSA 2048.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { CertificateEnrollmentData } from '../api/certificates';

export type CsrKeyType = 'ec' | 'rsa';

export interface GeneratedCsr {
  csrDer: Buffer;
  privateKeyPkcs8Der: Buffer;
}

type X509Crypto = NonNullable<Parameters<typeof x509.Pkcs10CertificateRequestGenerator.create>[1]>;

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  givenName: '2.5.4.42',
  uniqueIdentifier: '2.5.4.45',
  organizationIdentifier: '2.5.4.97',
} as const;

type SubjectField = keyof typeof OID;

// RDN order and string types of the C# client; KSeF compares values, the order is for parity.
const SUBJECT_ORDER: ReadonlyArray<{ field: SubjectField; printable: boolean }> = [
  { field: 'commonName', printable: false },
  { field: 'surname', printable: false },
  { field: 'givenName', printable: false },
  { field: 'organizationName', printable: false },
  { field: 'organizationIdentifier', printable: false },
  { field: 'countryName', printable: true },
  { field: 'serialNumber', printable: true },
  { field: 'uniqueIdentifier', printable: false },
];

/** The CSR subject: every present enrollment-data value, nothing else. */
export function enrollmentSubject(data: CertificateEnrollmentData): x509.Name {
  const name: x509.JsonNameParams = [];
  for (const { field, printable } of SUBJECT_ORDER) {
    const value = data[field];
    if (value === undefined || value === null || value === '') continue;
    const attribute: x509.JsonAttributeObject = printable ? { printableString: value } : { utf8String: value };
    const entry: x509.JsonAttributeAndObjectValue = { [OID[field]]: [attribute] };
    name.push(entry);
  }
  return new x509.Name(name);
}

function keyAlgorithm(keyType: CsrKeyType): webcrypto.EcKeyGenParams | webcrypto.RsaHashedKeyGenParams {
  return keyType === 'ec'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
}

/** Generates a fresh key pair and a CSR signed with it (ECDSA-SHA256 or RSA PKCS#1 v1.5 SHA-256). */
export async function buildEnrollmentCsr(data: CertificateEnrollmentData, keyType: CsrKeyType = 'ec'): Promise<GeneratedCsr> {
  // @peculiar/x509 is typed against the DOM lib's Crypto; Node's webcrypto implements it.
  const crypto = webcrypto as unknown as X509Crypto;
  const keys = (await webcrypto.subtle.generateKey(keyAlgorithm(keyType), true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    {
      name: enrollmentSubject(data),
      keys: keys as unknown as Parameters<typeof x509.Pkcs10CertificateRequestGenerator.create>[0]['keys'],
      signingAlgorithm: keyType === 'ec' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    },
    crypto,
  );
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { csrDer: Buffer.from(csr.rawData), privateKeyPkcs8Der: Buffer.from(pkcs8) };
}
