import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { firstAttribute, parseDistinguishedName, type DistinguishedName } from './distinguished-name';
import { signInKeyProblem, type KsefKeyProblem } from './key-rules';
import { extractPolishIdentifiers, type FoundIdentifier } from './polish-identifiers';

export type { DistinguishedName } from './distinguished-name';

export type KeyType = `RSA-${number}` | `RSA-PSS-${number}` | `EC-${string}` | 'Ed25519' | 'Ed448' | 'unknown';
export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'notYetValid';
export type KsefCertificateType = 'Authentication' | 'Offline';
/** Non-blocking findings shown in the import wizard. */
export type CertificateWarningCode = 'NO_POLISH_IDENTIFIER' | 'INVALID_IDENTIFIER_CHECKSUM' | 'EXPIRING_SOON' | 'OFFLINE_ONLY';

export const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CertificateInspection {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** Hex, uppercase, as printed by `openssl x509 -serial`. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the certificate DER: 64 uppercase hex characters, the KSeF `certificateFingerprint`. */
  fingerprintSha256: string;
  keyType: KeyType;
  nip?: string;
  pesel?: string;
  /** Every identifier the KSeF regexes matched, including ones with a bad checksum. */
  identifiers: FoundIdentifier[];
  ownerName: string;
  selfSigned: boolean;
  keyUsage: string[];
  /** Guess from keyUsage (§11): digitalSignature → Authentication, nonRepudiation only → Offline. */
  ksefCertificateType: KsefCertificateType | null;
  /** Issued by a KSeF CA (issuer mentions KSeF, or the caller knows it was enrolled there). */
  ksefIssued: boolean;
  /** A valid NIP/PESEL in the subject, so `certificateSubject` login works. */
  canSignInBySubject: boolean;
  /** Why KSeF would refuse the key (too short RSA, curve not accepted, other key type); null when it is accepted. */
  keyProblem: KsefKeyProblem | null;
  /** Usable for XAdES login at all (by subject or by fingerprint): in its validity period, not an Offline cert, a key KSeF accepts. */
  canSignIn: boolean;
  status: CertificateStatus;
  warnings: CertificateWarningCode[];
}

export interface InspectOptions {
  now: Date;
  /** Treat as KSeF-issued even if the issuer name does not say so (e.g. enrolled through our client). */
  ksefIssued?: boolean;
}

const KEY_USAGE_NAMES: ReadonlyArray<[x509.KeyUsageFlags, string]> = [
  [x509.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [x509.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [x509.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [x509.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [x509.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [x509.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [x509.KeyUsageFlags.cRLSign, 'cRLSign'],
  [x509.KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [x509.KeyUsageFlags.decipherOnly, 'decipherOnly'],
];

const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P256',
  'P-256': 'P256',
  secp384r1: 'P384',
  'P-384': 'P384',
  secp521r1: 'P521',
  'P-521': 'P521',
};

export function describeKeyType(key: KeyObject): KeyType {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return `RSA-${details.modulusLength ?? 0}`;
    case 'rsa-pss':
      return `RSA-PSS-${details.modulusLength ?? 0}`;
    case 'ec': {
      const curve = details.namedCurve ?? 'unknown';
      return `EC-${CURVE_NAMES[curve] ?? curve}`;
    }
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return 'unknown';
  }
}

export function fingerprintSha256(certificateDer: Buffer): string {
  return createHash('sha256').update(certificateDer).digest('hex').toUpperCase();
}

export function certificateStatus(notBefore: Date, notAfter: Date, now: Date): CertificateStatus {
  if (now.getTime() < notBefore.getTime()) return 'notYetValid';
  if (now.getTime() > notAfter.getTime()) return 'expired';
  if (notAfter.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * DAY_MS) return 'expiring';
  return 'valid';
}

function readKeyUsage(certificate: x509.X509Certificate): string[] {
  const extension = certificate.getExtension(x509.KeyUsagesExtension);
  if (!extension) return [];
  return KEY_USAGE_NAMES.filter(([flag]) => (extension.usages & flag) !== 0).map(([, name]) => name);
}

function guessKsefType(keyUsage: readonly string[]): KsefCertificateType | null {
  if (keyUsage.includes('digitalSignature')) return 'Authentication';
  if (keyUsage.includes('nonRepudiation')) return 'Offline';
  return null;
}

function ownerNameOf(subject: DistinguishedName): string {
  const givenName = firstAttribute(subject, 'GN');
  const surname = firstAttribute(subject, 'SN');
  if (givenName && surname) return `${givenName} ${surname}`;
  return firstAttribute(subject, 'O') ?? firstAttribute(subject, 'CN') ?? subject.text;
}

/** Issuer = subject and the signature verifies with its own key (checkIssued would also demand keyCertSign). */
function isSelfSigned(certificate: X509Certificate, subject: DistinguishedName, issuer: DistinguishedName): boolean {
  try {
    return subject.text === issuer.text && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}

/** Everything the UI and the vault need to know about a certificate. Pure: `now` comes from the caller. */
export function inspectCertificate(certificateDer: Buffer, options: InspectOptions): CertificateInspection {
  const nodeCertificate = new X509Certificate(certificateDer);
  const certificate = new x509.X509Certificate(certificateDer);
  const subject = parseDistinguishedName(certificate.subjectName.toArrayBuffer());
  const issuer = parseDistinguishedName(certificate.issuerName.toArrayBuffer());
  const polish = extractPolishIdentifiers(
    subject.attributes['serialNumber'] ?? [],
    subject.attributes['organizationIdentifier'] ?? [],
  );
  const keyUsage = readKeyUsage(certificate);
  const ksefCertificateType = guessKsefType(keyUsage);
  // Qualified certificates often carry nonRepudiation only and still log in, so the Offline rule applies to KSeF-issued ones.
  const ksefIssued = options.ksefIssued === true || /KSeF/i.test(`${firstAttribute(issuer, 'CN') ?? ''} ${firstAttribute(issuer, 'O') ?? ''}`);
  const offlineOnly = ksefIssued && ksefCertificateType === 'Offline';
  const status = certificateStatus(certificate.notBefore, certificate.notAfter, options.now);
  const canSignInBySubject = polish.nip !== undefined || polish.pesel !== undefined;
  const timeValid = status === 'valid' || status === 'expiring';
  const keyProblem = signInKeyProblem(nodeCertificate.publicKey);

  const warnings: CertificateWarningCode[] = [];
  if (!canSignInBySubject) warnings.push('NO_POLISH_IDENTIFIER');
  if (polish.found.some((item) => !item.checksumValid)) warnings.push('INVALID_IDENTIFIER_CHECKSUM');
  if (status === 'expiring') warnings.push('EXPIRING_SOON');
  if (offlineOnly) warnings.push('OFFLINE_ONLY');

  return {
    subject,
    issuer,
    serialNumber: nodeCertificate.serialNumber.toUpperCase(),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    fingerprintSha256: fingerprintSha256(certificateDer),
    keyType: describeKeyType(nodeCertificate.publicKey),
    ...(polish.nip !== undefined ? { nip: polish.nip } : {}),
    ...(polish.pesel !== undefined ? { pesel: polish.pesel } : {}),
    identifiers: polish.found,
    ownerName: ownerNameOf(subject),
    selfSigned: isSelfSigned(nodeCertificate, subject, issuer),
    keyUsage,
    ksefCertificateType,
    ksefIssued,
    canSignInBySubject,
    keyProblem,
    canSignIn: timeValid && !offlineOnly && keyProblem === null,
    status,
    warnings,
  };
}
