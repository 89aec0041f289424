/** The crypto primitives KSeF uses (PROTOCOL §3): RSA-OAEP SHA-256 key wrap, AES-256-CBC content, SHA-256 hashes. */
import { constants, createCipheriv, createDecipheriv, createHash, publicEncrypt, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';

/** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label, to a published KSeF certificate (DER) or key. */
export function rsaOaepSha256Encrypt(recipient: Buffer | KeyObject, plaintext: Buffer | string): Buffer {
  const key = Buffer.isBuffer(recipient) ? new X509Certificate(recipient).publicKey : recipient;
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(plaintext));
}

export interface SymmetricKey {
  /** 32 random bytes. */
  key: Buffer;
  /** 16 random bytes, sent separately as `initializationVector`, never prefixed to the ciphertext. */
  iv: Buffer;
}

export function generateSymmetricKey(): SymmetricKey {
  return { key: randomBytes(32), iv: randomBytes(16) };
}

/** AES-256-CBC with PKCS#7 padding. */
export function aes256CbcEncrypt(plaintext: Buffer, { key, iv }: SymmetricKey): Buffer {
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

export function aes256CbcDecrypt(ciphertext: Buffer, { key, iv }: SymmetricKey): Buffer {
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** SHA-256 as standard Base64 (the API's hash fields). */
export function sha256Base64(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('base64');
}
