import { createPublicKey, randomBytes, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { CredentialImportError } from '../errors';
import { classifyDer } from './asn1';
import { looksLikePem, readPemBlocks, type PemBlock } from './pem';
import { parsePkcs12 } from './pkcs12';
import { loadPkcs8AndZero, loadPrivateKey, type PrivateKeySource } from './private-key';

/** Credential files are a few KB; anything bigger is a wrong pick, not worth parsing. */
export const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024;

export type CredentialFormat = 'pkcs12' | 'pem' | 'der';

export interface ParsedCredential {
  /** The certificate whose public key matches the private key. */
  certificateDer: Buffer;
  /** The other certificates from the file(s), e.g. intermediate CAs, in file order. */
  chainDer: Buffer[];
  privateKey: KeyObject;
  format: CredentialFormat;
}

/** What one file contributed before keys are paired with certificates. */
interface CredentialMaterial {
  format: CredentialFormat;
  certificatesDer: Buffer[];
  keySources: PrivateKeySource[];
  /** Keys already decrypted while reading (PKCS#12). */
  loadedKeys: KeyObject[];
}

const KNOWN_EXTENSIONS = /\.(p12|pfx|pem|crt|cer|der|key|p8|pk8)$/i;
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);

function fail(code: 'CORRUPT_FILE' | 'UNSUPPORTED_FORMAT', message: string): never {
  throw new CredentialImportError(code, message);
}

function checkCertificateDer(der: Buffer): Buffer {
  try {
    new X509Certificate(der);
    return der;
  } catch (error) {
    throw new CredentialImportError('CORRUPT_FILE', 'A certificate in the file could not be read.', { cause: error });
  }
}

function keySourceFromPem(block: PemBlock): PrivateKeySource | undefined {
  switch (block.label) {
    case 'PRIVATE KEY':
      return { kind: 'pem', text: block.text, encrypted: false };
    case 'ENCRYPTED PRIVATE KEY':
      return { kind: 'pem', text: block.text, encrypted: true };
    case 'RSA PRIVATE KEY':
    case 'EC PRIVATE KEY':
      return { kind: 'pem', text: block.text, encrypted: block.encryptedLegacy };
    default:
      return undefined;
  }
}

function readPem(bytes: Buffer): CredentialMaterial {
  const material: CredentialMaterial = { format: 'pem', certificatesDer: [], keySources: [], loadedKeys: [] };
  const blocks = readPemBlocks(bytes);
  if (blocks.length === 0) fail('CORRUPT_FILE', 'The PEM file has no complete BEGIN/END block.');
  for (const block of blocks) {
    if (block === undefined) fail('CORRUPT_FILE', 'A PEM block is not valid Base64.');
    if (CERTIFICATE_LABELS.has(block.label)) material.certificatesDer.push(checkCertificateDer(block.der));
    const keySource = keySourceFromPem(block);
    if (keySource) material.keySources.push(keySource);
  }
  if (material.certificatesDer.length === 0 && material.keySources.length === 0) {
    fail('UNSUPPORTED_FORMAT', 'The PEM file holds neither a certificate nor a private key.');
  }
  return material;
}

function readDer(bytes: Buffer, password: string | undefined): CredentialMaterial {
  const material: CredentialMaterial = { format: 'der', certificatesDer: [], keySources: [], loadedKeys: [] };
  const kind = classifyDer(bytes);
  switch (kind) {
    case 'pkcs12': {
      const contents = parsePkcs12(bytes, password);
      material.format = 'pkcs12';
      material.certificatesDer = contents.certificatesDer.map(checkCertificateDer);
      material.loadedKeys = contents.privateKeysPkcs8Der.map(loadPkcs8AndZero);
      return material;
    }
    case 'certificate':
      material.certificatesDer.push(checkCertificateDer(bytes));
      return material;
    case 'pkcs8':
    case 'pkcs1':
    case 'sec1':
    case 'encrypted-pkcs8':
      material.keySources.push({ kind: 'der', der: bytes, encoding: kind });
      return material;
    case 'pkcs7':
      return fail('UNSUPPORTED_FORMAT', 'PKCS#7 bundles hold no private key; export a .p12/.pfx instead.');
    default:
      return fail('UNSUPPORTED_FORMAT', 'Unrecognised DER structure.');
  }
}

function readMaterial(bytes: Buffer, fileName: string, password: string | undefined): CredentialMaterial {
  if (bytes.length > MAX_CREDENTIAL_FILE_BYTES) {
    throw new CredentialImportError('FILE_TOO_LARGE', `Credential files are limited to ${MAX_CREDENTIAL_FILE_BYTES} bytes.`);
  }
  if (looksLikePem(bytes)) return readPem(bytes);
  if (bytes[0] === 0x30) return readDer(bytes, password); // DER always starts with a SEQUENCE here
  return fail(KNOWN_EXTENSIONS.test(fileName) ? 'CORRUPT_FILE' : 'UNSUPPORTED_FORMAT', 'Not a PEM, DER or PKCS#12 file.');
}

function spkiOf(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'der' });
}

/** Proves possession, not just equal public keys: a signature by the private key verifies with the certificate. */
function signatureVerifies(privateKey: KeyObject, certificate: X509Certificate): boolean {
  const challenge = randomBytes(32);
  try {
    return verify('sha256', challenge, certificate.publicKey, sign('sha256', challenge, privateKey));
  } catch {
    return false;
  }
}

function pairKeyWithCertificate(materials: CredentialMaterial[], password: string | undefined): ParsedCredential {
  const certificatesDer = materials.flatMap((material) => material.certificatesDer);
  const keySources = materials.flatMap((material) => material.keySources);
  const loadedKeys = materials.flatMap((material) => material.loadedKeys);
  if (certificatesDer.length === 0) {
    throw new CredentialImportError('NO_CERTIFICATE', 'The file holds a private key but no certificate.');
  }
  if (keySources.length === 0 && loadedKeys.length === 0) {
    throw new CredentialImportError('NO_PRIVATE_KEY', 'The file holds a certificate but no private key.');
  }
  const keys = [...loadedKeys, ...keySources.map((source) => loadPrivateKey(source, password))];
  for (const key of keys) {
    const keySpki = spkiOf(key);
    const leafIndex = certificatesDer.findIndex((der) => spkiOf(new X509Certificate(der).publicKey).equals(keySpki));
    const leafDer = certificatesDer[leafIndex];
    if (leafDer === undefined || !signatureVerifies(key, new X509Certificate(leafDer))) continue;
    return {
      certificateDer: leafDer,
      chainDer: certificatesDer.filter((_, index) => index !== leafIndex),
      privateKey: key,
      format: materials[0]?.format ?? 'der',
    };
  }
  throw new CredentialImportError('KEY_CERT_MISMATCH', 'The private key does not belong to the certificate.');
}

/** One file holding certificate and key: .p12/.pfx or a PEM bundle (optionally with the chain). */
export function parseCredentialFile(bytes: Buffer, fileName: string, password?: string): ParsedCredential {
  return pairKeyWithCertificate([readMaterial(bytes, fileName, password)], password);
}

/** Certificate and key in separate files (PEM or DER each); the password decrypts the key. */
export function parseCredentialPair(
  certificateBytes: Buffer,
  keyBytes: Buffer,
  password?: string,
  fileNames: { certificate?: string; key?: string } = {},
): ParsedCredential {
  const certificateMaterial = readMaterial(certificateBytes, fileNames.certificate ?? 'certificate.pem', password);
  const keyMaterial = readMaterial(keyBytes, fileNames.key ?? 'key.pem', password);
  if (certificateMaterial.certificatesDer.length === 0) {
    throw new CredentialImportError('NO_CERTIFICATE', 'The certificate file holds no certificate.');
  }
  return pairKeyWithCertificate([certificateMaterial, keyMaterial], password);
}

/** For keys that did not come from a file (generated test certificates, KSeF enrollment). */
export function assertKeyMatchesCertificate(privateKey: KeyObject, certificateDer: Buffer): void {
  const certificate = new X509Certificate(certificateDer);
  if (!spkiOf(certificate.publicKey).equals(spkiOf(privateKey)) || !signatureVerifies(privateKey, certificate)) {
    throw new CredentialImportError('KEY_CERT_MISMATCH', 'The private key does not belong to the certificate.');
  }
}
