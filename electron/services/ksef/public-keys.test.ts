import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aes256CbcDecrypt, aes256CbcEncrypt, generateSymmetricKey, rsaOaepSha256Encrypt } from './encryption';
import { KsefApiError } from './http/errors';
import { KsefPublicKeys, selectKey, type KsefPublicKey } from './public-keys';
import { parseKsefDateTime } from './time';

function key(id: string, usage: string, from: string, to: string): KsefPublicKey {
  return { certificateDer: Buffer.alloc(0), certificateId: id, publicKeyId: id, validFrom: new Date(from), validTo: new Date(to), usage: [usage] };
}

describe('public key selection', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  const keys = [
    key('old', 'KsefTokenEncryption', '2025-01-01', '2027-01-01'),
    key('new', 'KsefTokenEncryption', '2026-01-01', '2028-01-01'),
    key('future', 'KsefTokenEncryption', '2026-06-01', '2028-01-01'),
    key('expired', 'SymmetricKeyEncryption', '2024-01-01', '2025-01-01'),
    key('sym', 'SymmetricKeyEncryption', '2025-01-01', '2027-01-01'),
  ];

  it('takes the currently valid key of the usage with the latest validFrom', () => {
    expect(selectKey(keys, 'KsefTokenEncryption', now)?.publicKeyId).toBe('new');
    expect(selectKey(keys, 'SymmetricKeyEncryption', now)?.publicKeyId).toBe('sym');
    expect(selectKey(keys.slice(3, 4), 'SymmetricKeyEncryption', now)).toBeUndefined();
  });
});

describe('crypto helpers', () => {
  it('RSA-OAEP SHA-256 round trip', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const encrypted = rsaOaepSha256Encrypt(publicKey, 'token|1700000000000');
    const plain = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, encrypted);
    expect(plain.toString()).toBe('token|1700000000000');
  });

  it('AES-256-CBC: PKCS#7 padding, IV not prefixed (6480 → 6496 bytes as in the spec example)', () => {
    const key = generateSymmetricKey();
    const plain = Buffer.alloc(6480, 7);
    const encrypted = aes256CbcEncrypt(plain, key);
    expect(encrypted.length).toBe(6496);
    expect(aes256CbcDecrypt(encrypted, key).equals(plain)).toBe(true);
  });

  it('parses KSeF 7-digit fractional date-times', () => {
    expect(parseKsefDateTime('2025-07-11T12:23:56.0154302+00:00').toISOString()).toBe('2025-07-11T12:23:56.015Z');
  });
});

describe('KsefPublicKeys: re-fetch on 21470', () => {
  it('downloads the list again and repeats the attempt once', async () => {
    let downloads = 0;
    // Only sendJson is used by KsefPublicKeys.
    const transport = { sendJson: async () => (downloads++, []) } as unknown as ConstructorParameters<typeof KsefPublicKeys>[0];
    const keys = new KsefPublicKeys(transport);
    await keys.all();
    let attempts = 0;
    const result = await keys.retryOnUnknownKey(async () => {
      await keys.all();
      if (++attempts === 1) throw new KsefApiError({ httpStatus: 400, exceptionCodes: [21470] });
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(attempts).toBe(2);
    expect(downloads).toBe(2);
  });
});
