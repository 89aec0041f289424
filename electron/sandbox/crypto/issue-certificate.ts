import { randomBytes } from 'node:crypto';
import type { IssuedCertificateType } from '../state/types';
import { CA_SIGNING_ALGORITHM, type SandboxCa } from './ca';
import { certificateFingerprint } from './primitives';
import { x509 } from './x509-provider';

export interface IssueCertificateRequest {
  /** Either a DER PKCS#10 CSR (its public key is certified; its subject is used unless `subject` is given) … */
  csrDer?: Buffer;
  /** … or a DER SubjectPublicKeyInfo. */
  spkiDer?: Buffer;
  /** X.500 name such as `2.5.4.3=Jan Kowalski, 2.5.4.5=TINPL-1234567890, 2.5.4.6=PL`, or taken from the CSR. */
  subject?: string;
  type: IssuedCertificateType;
  validFrom: Date;
  validTo: Date;
}

export interface IssuedCertificate {
  der: Buffer;
  /** 16 uppercase hex digits (spec: ^[0-9A-F]{16}$). */
  serialNumber: string;
  fingerprint: string;
  subjectDn: string;
  validFrom: Date;
  validTo: Date;
}

/** A positive 64-bit serial printed as 16 hex digits (top bit clear so DER needs no sign byte). */
function newSerial(): string {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

/**
 * Issues a KSeF certificate signed by the sandbox CA. Authentication certificates carry keyUsage
 * digitalSignature; Offline certificates nonRepudiation (they sign KOD II QR codes).
 * Callers verify CSR signatures and record the result (see issuedCertificates slice).
 */
export async function issueCertificate(ca: SandboxCa, request: IssueCertificateRequest): Promise<IssuedCertificate> {
  let publicKey: x509.PublicKey;
  let subject = request.subject;
  if (request.csrDer) {
    const csr = new x509.Pkcs10CertificateRequest(request.csrDer);
    publicKey = csr.publicKey;
    subject ??= csr.subject;
  } else if (request.spkiDer) {
    publicKey = new x509.PublicKey(request.spkiDer);
  } else {
    throw new Error('issueCertificate needs csrDer or spkiDer');
  }
  if (!subject) throw new Error('issueCertificate needs a subject');
  const serialNumber = newSerial();
  const usage = request.type === 'Authentication' ? x509.KeyUsageFlags.digitalSignature : x509.KeyUsageFlags.nonRepudiation;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject,
    issuer: ca.certificate.subject,
    notBefore: request.validFrom,
    notAfter: request.validTo,
    publicKey,
    signingKey: ca.signingKey,
    signingAlgorithm: CA_SIGNING_ALGORITHM,
    extensions: [
      new x509.KeyUsagesExtension(usage, true),
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate.publicKey),
    ],
  });
  const der = Buffer.from(certificate.rawData);
  return {
    der,
    serialNumber,
    fingerprint: certificateFingerprint(der),
    subjectDn: certificate.subject,
    validFrom: certificate.notBefore,
    validTo: certificate.notAfter,
  };
}
