import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CA_SIGNING_ALGORITHM, type SandboxCa } from './ca';
import { sha256Base64 } from './primitives';
import { x509 } from './x509-provider';

export type PublicKeyUsage = 'SymmetricKeyEncryption' | 'KsefTokenEncryption';

/** One RSA key published through GET /security/public-key-certificates. */
export interface PublishedKey {
  usage: PublicKeyUsage;
  certificateDer: Buffer;
  /** Base64 SHA-256 of the certificate DER. */
  certificateId: string;
  /** Base64 SHA-256 of the DER SubjectPublicKeyInfo. */
  publicKeyId: string;
  validFrom: Date;
  validTo: Date;
  privateKey: KeyObject;
  keyPkcs8: Buffer;
}

const DAY_MS = 86_400_000;

export async function createPublishedKey(ca: SandboxCa, usage: PublicKeyUsage, now: Date): Promise<PublishedKey> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: usage === 'SymmetricKeyEncryption' ? '5e' : '7c',
    subject: `CN=Ministerstwo Finansów (KSeF sandbox ${usage}), O=KSeF Desk Sandbox, C=PL`,
    issuer: ca.certificate.subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 730 * DAY_MS),
    publicKey: spki,
    signingKey: ca.signingKey,
    signingAlgorithm: CA_SIGNING_ALGORITHM,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment, true)],
  });
  const keyPkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  return describePublishedKey(usage, Buffer.from(certificate.rawData), keyPkcs8);
}

export function describePublishedKey(usage: PublicKeyUsage, certificateDer: Buffer, keyPkcs8: Buffer): PublishedKey {
  const certificate = new x509.X509Certificate(certificateDer);
  const spkiDer = Buffer.from(certificate.publicKey.rawData);
  return {
    usage,
    certificateDer,
    certificateId: sha256Base64(certificateDer),
    publicKeyId: sha256Base64(spkiDer),
    validFrom: certificate.notBefore,
    validTo: certificate.notAfter,
    privateKey: createPrivateKey({ key: keyPkcs8, format: 'der', type: 'pkcs8' }),
    keyPkcs8,
  };
}
