import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { x509 } from '../crypto/x509-provider';
import { credentialError } from '../permissions/api-errors';

const SIGNATURE_ALGORITHMS: Record<string, 'rsa' | 'ec'> = { 'RSASSA-PKCS1-v1_5': 'rsa', 'RSA-PSS': 'rsa', ECDSA: 'ec' };
const HASHES = new Set(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

function publicKeyOf(csr: x509.Pkcs10CertificateRequest): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
  } catch {
    throw credentialError(25010, 'Nieobsługiwany klucz publiczny.');
  }
}

/** Spec: RSA (rsaEncryption) of exactly 2048 bits, or EC on NIST P-256; anything else is 25010. */
function checkKey(key: KeyObject): 'rsa' | 'ec' {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' && details.modulusLength === 2048) return 'rsa';
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') return 'ec';
  const described = key.asymmetricKeyType === 'rsa' ? `RSA ${details.modulusLength ?? '?'} bit` : `${key.asymmetricKeyType ?? '?'} ${details.namedCurve ?? ''}`.trim();
  throw credentialError(25010, `Dozwolone są klucze RSA 2048 bit lub EC P-256, przesłano: ${described}.`);
}

/** PKCS#1 v1.5, RSA-PSS or ECDSA with SHA-1/256/384/512, and matching the key type; else 25011. */
function checkSignatureAlgorithm(csr: x509.Pkcs10CertificateRequest, keyKind: 'rsa' | 'ec'): void {
  let name: string;
  let hash: string;
  try {
    // The library types this loosely; at run time it is a WebCrypto algorithm with a hash.
    const algorithm = csr.signatureAlgorithm as unknown as { name: string; hash: string | { name: string } };
    name = algorithm.name;
    hash = typeof algorithm.hash === 'string' ? algorithm.hash : algorithm.hash.name;
  } catch {
    throw credentialError(25011);
  }
  if (SIGNATURE_ALGORITHMS[name] !== keyKind || !HASHES.has(hash.toUpperCase())) {
    throw credentialError(25011, `Algorytm ${name}/${hash} nie jest dozwolony dla tego klucza.`);
  }
}

export interface CheckedCsr {
  der: Buffer;
  request: x509.Pkcs10CertificateRequest;
  /** SHA-256 (hex) of the SubjectPublicKeyInfo: detects a key already certified for someone else. */
  publicKeySha256: string;
}

/** Parses and verifies a Base64 DER PKCS#10 request the way KSeF documents it (25004/25010/25011). */
export async function checkCsr(csrBase64: string): Promise<CheckedCsr> {
  const der = Buffer.from(csrBase64, 'base64');
  let request: x509.Pkcs10CertificateRequest;
  try {
    request = new x509.Pkcs10CertificateRequest(der);
  } catch {
    throw credentialError(25004, 'Nie można odczytać CSR (oczekiwany DER PKCS#10 w Base64).');
  }
  const key = publicKeyOf(request);
  checkSignatureAlgorithm(request, checkKey(key));
  // issueCertificate trusts the CSR, so proof of possession of the private key is checked here.
  const signatureValid = await request.verify().catch(() => false);
  if (!signatureValid) throw credentialError(25004, 'Podpis CSR jest nieprawidłowy.');
  const publicKeySha256 = createHash('sha256').update(Buffer.from(request.publicKey.rawData)).digest('hex');
  return { der, request, publicKeySha256 };
}
