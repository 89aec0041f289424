import { createPrivateKey, type KeyObject } from 'node:crypto';
import { CredentialImportError } from '../errors';

export type PrivateKeyEncoding = 'pkcs8' | 'pkcs1' | 'sec1' | 'encrypted-pkcs8';

export type PrivateKeySource =
  | { kind: 'pem'; text: string; encrypted: boolean }
  | { kind: 'der'; der: Buffer; encoding: PrivateKeyEncoding };

function isEncrypted(source: PrivateKeySource): boolean {
  return source.kind === 'pem' ? source.encrypted : source.encoding === 'encrypted-pkcs8';
}

const SUPPORTED_KEY_TYPES = new Set(['rsa', 'rsa-pss', 'ec']);

/**
 * Loads a private key with node's crypto (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1; PEM or DER).
 * OpenSSL 3 reports a wrong passphrase as a generic decoder error, so any failure of an encrypted key
 * with a password given is WRONG_PASSWORD.
 */
export function loadPrivateKey(source: PrivateKeySource, password?: string): KeyObject {
  const encrypted = isEncrypted(source);
  if (encrypted && password === undefined) {
    throw new CredentialImportError('PASSWORD_REQUIRED', 'The private key is encrypted with a password.');
  }
  const passphrase = encrypted ? { passphrase: password } : {};
  let key: KeyObject;
  try {
    key =
      source.kind === 'pem'
        ? createPrivateKey({ key: source.text, format: 'pem', ...passphrase })
        : createPrivateKey({
            key: source.der,
            format: 'der',
            type: source.encoding === 'encrypted-pkcs8' ? 'pkcs8' : source.encoding,
            ...passphrase,
          });
  } catch (error) {
    throw encrypted
      ? new CredentialImportError('WRONG_PASSWORD', 'The password does not decrypt the private key.', { cause: error })
      : new CredentialImportError('CORRUPT_FILE', 'The private key could not be read.', { cause: error });
  }
  if (!SUPPORTED_KEY_TYPES.has(key.asymmetricKeyType ?? '')) {
    throw new CredentialImportError('UNSUPPORTED_FORMAT', `Unsupported key type ${key.asymmetricKeyType ?? '?'} (RSA or EC only).`);
  }
  return key;
}

/** Loads a decrypted PrivateKeyInfo (e.g. from a PKCS#12 bag) and zeroes the input buffer. */
export function loadPkcs8AndZero(pkcs8Der: Buffer): KeyObject {
  try {
    return loadPrivateKey({ kind: 'der', der: pkcs8Der, encoding: 'pkcs8' });
  } finally {
    pkcs8Der.fill(0);
  }
}
