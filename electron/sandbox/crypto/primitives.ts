import { constants, createDecipheriv, createHash, privateDecrypt, type KeyObject } from 'node:crypto';

/** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label — KSeF's key wrap and token encryption. */
export function rsaOaepSha256Decrypt(privateKey: KeyObject, ciphertext: Buffer): Buffer {
  return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, ciphertext);
}

/** AES-256-CBC with PKCS#7 padding; the IV travels separately (not prefixed), as the clients send it. */
export function aes256CbcDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  if (key.length !== 32) throw new Error(`AES-256 key must be 32 bytes, got ${key.length}`);
  if (iv.length !== 16) throw new Error(`AES-CBC IV must be 16 bytes, got ${iv.length}`);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** SHA-256 as standard Base64 (44 chars), the form of every hash field in the API. */
export function sha256Base64(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('base64');
}

/** SHA-256 of a DER certificate as 64 uppercase hex chars — KSeF's certificate fingerprint. */
export function certificateFingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase();
}
