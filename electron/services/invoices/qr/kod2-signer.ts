/**
 * KOD II signature algorithms (PROTOCOL.md §14): RSA → RSASSA-PSS SHA-256, MGF1-SHA-256, salt 32 bytes;
 * EC P-256 → ECDSA SHA-256 as IEEE-P1363 r||s (64 bytes). Use inside CertificateVault.withPrivateKey so
 * the key lives only for the signature: `vault.withPrivateKey(id, async (key) => kod2Url({ ..., sign: kod2SignerFor(key) }))`.
 */
import { constants, createPublicKey, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { QrCodeInputError } from './kod1';
import type { Kod2Sign } from './kod2';

const PSS_SALT_LENGTH = 32;
const MIN_RSA_BITS = 2048;

type Kod2Algorithm = { padding: number; saltLength: number } | { dsaEncoding: 'ieee-p1363' | 'der' };

function algorithmFor(key: KeyObject): Kod2Algorithm {
  if (key.asymmetricKeyType === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) throw new QrCodeInputError(`KOD II needs an RSA key of at least ${MIN_RSA_BITS} bits`);
    return { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PSS_SALT_LENGTH };
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { dsaEncoding: 'ieee-p1363' };
  throw new QrCodeInputError(`KOD II cannot be signed with a ${key.asymmetricKeyType ?? 'unknown'} key`);
}

export function kod2SignerFor(privateKey: KeyObject): Kod2Sign {
  if (privateKey.type !== 'private') throw new QrCodeInputError('KOD II needs a private key');
  const algorithm = algorithmFor(privateKey);
  // Node's PSS uses MGF1 with the same digest as the signature (SHA-256), as KSeF requires.
  return (data) => sign('sha256', data, { key: privateKey, ...algorithm });
}

/** Checks a KOD II URL's signature against a certificate (PEM or DER) — what KSeF does when the code is scanned. */
export function verifyKod2Url(url: string, certificate: Buffer | string): boolean {
  const cut = url.lastIndexOf('/');
  if (cut < 0) return false;
  const signed = Buffer.from(url.slice(0, cut).replace(/^https?:\/\//, ''), 'utf8');
  const signature = Buffer.from(url.slice(cut + 1), 'base64url');
  const publicKey = createPublicKey(new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'pem' }));
  // Accept both ECDSA encodings the protocol allows; P1363 is 64 bytes for P-256.
  const algorithm: Kod2Algorithm =
    publicKey.asymmetricKeyType === 'ec' ? { dsaEncoding: signature.length === 64 ? 'ieee-p1363' : 'der' } : algorithmFor(publicKey);
  try {
    return verify('sha256', signed, { key: publicKey, ...algorithm }, signature);
  } catch {
    return false;
  }
}
