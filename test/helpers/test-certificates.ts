import 'reflect-metadata';
import { KeyObject, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface TestCertificate {
  der: Buffer;
  privateKey: KeyObject;
  /** SPKI DER of the public key, e.g. for issueCertificate. */
  spkiDer: Buffer;
}

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A self-signed EC P-256 certificate, like the ones the official clients make for the TEST environment. */
export async function selfSignedCertificate(subject: string, notBefore: Date, notAfter: Date): Promise<TestCertificate> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: subject,
    notBefore,
    notAfter,
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  return {
    der: Buffer.from(certificate.rawData),
    privateKey: KeyObject.from(keys.privateKey),
    spkiDer: Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey)),
  };
}
