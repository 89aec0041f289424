import type { webcrypto } from 'node:crypto';
import { subtle, x509 } from './x509-provider';

type CryptoKey = webcrypto.CryptoKey;

/** The sandbox's root CA: it signs the published encryption-key certificates and issued KSeF certificates. */
export interface SandboxCa {
  certificate: x509.X509Certificate;
  der: Buffer;
  signingKey: CryptoKey;
  /** For persistence. */
  keyPkcs8: Buffer;
}

const CA_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const CA_SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const CA_SUBJECT = 'CN=KSeF Desk Sandbox Root CA, O=KSeF Desk Sandbox, C=PL';
const DAY_MS = 86_400_000;

export async function createSandboxCa(now: Date): Promise<SandboxCa> {
  const keys = (await subtle.generateKey(CA_ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: CA_SUBJECT,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 3650 * DAY_MS),
    keys,
    signingAlgorithm: CA_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const keyPkcs8 = Buffer.from(await subtle.exportKey('pkcs8', keys.privateKey));
  return { certificate, der: Buffer.from(certificate.rawData), signingKey: keys.privateKey, keyPkcs8 };
}

export async function loadSandboxCa(certDer: Buffer, keyPkcs8: Buffer): Promise<SandboxCa> {
  const certificate = new x509.X509Certificate(certDer);
  const signingKey = await subtle.importKey('pkcs8', keyPkcs8, CA_ALGORITHM, false, ['sign']);
  return { certificate, der: certDer, signingKey, keyPkcs8 };
}

/** True when `cert` was signed by the sandbox CA. */
export async function isIssuedBySandboxCa(ca: SandboxCa, cert: x509.X509Certificate): Promise<boolean> {
  if (cert.issuer !== ca.certificate.subject) return false;
  try {
    return await cert.verify({ publicKey: ca.certificate, signatureOnly: true });
  } catch {
    return false;
  }
}
