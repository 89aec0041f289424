import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyProtectionError, type KeyProtectionErrorCode } from './errors';
import {
  DEFAULT_SCRYPT_COST_LOG2,
  MIN_SCRYPT_COST_LOG2,
  PassphraseKeyProtector,
  passphraseBlobParameters,
  SafeStorageKeyProtector,
  type SafeStorageLike,
} from './key-protector';

async function expectCode(action: Promise<unknown>, code: KeyProtectionErrorCode): Promise<void> {
  await expect(action).rejects.toSatisfy((error: unknown) => error instanceof KeyProtectionError && error.code === code);
}

/** Reversible but not plaintext, standing in for the OS keychain. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { calls: number } {
  const fake = {
    calls: 0,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString(text: string): Buffer {
      fake.calls += 1;
      return Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a));
    },
    decryptString(blob: Buffer): string {
      fake.calls += 1;
      return Buffer.from(blob.map((byte) => byte ^ 0x5a)).toString('utf8');
    },
    ...(options.backend !== undefined ? { getSelectedStorageBackend: () => options.backend ?? '' } : {}),
  };
  return fake;
}

describe('PassphraseKeyProtector', () => {
  const secret = randomBytes(121);

  it('round-trips and writes a versioned blob with scrypt N ≥ 2^15, a fresh IV each time', async () => {
    const protector = new PassphraseKeyProtector('correct horse battery staple');
    const first = await protector.encrypt(secret);
    const second = await protector.encrypt(secret);
    expect(first.subarray(0, 4).toString('ascii')).toBe('KDPK');
    expect(first[4]).toBe(1); // format version
    expect(first[5]).toBeGreaterThanOrEqual(MIN_SCRYPT_COST_LOG2);
    expect([first[6], first[7]]).toEqual([8, 1]); // r, p
    expect(first.subarray(24, 36).equals(second.subarray(24, 36))).toBe(false); // IV (the salt is per run: one derivation)
    const otherRun = await new PassphraseKeyProtector('correct horse battery staple').encrypt(secret);
    expect(otherRun.subarray(8, 24).equals(first.subarray(8, 24))).toBe(false); // another run, another salt
    expect(first.includes(secret)).toBe(false);
    expect((await protector.decrypt(first)).equals(secret)).toBe(true);
    expect((await protector.decrypt(second)).equals(secret)).toBe(true);
  });

  it('new blobs use OWASP scrypt parameters N = 2^17, r = 8, p = 1, recorded in the blob', async () => {
    const blob = await new PassphraseKeyProtector('correct horse battery staple').encrypt(secret);
    expect(DEFAULT_SCRYPT_COST_LOG2).toBe(17);
    expect(passphraseBlobParameters(blob)).toEqual({ costLog2: 17, blockSize: 8, parallelization: 1 });
  });

  it('derives each salt once per unlock, and forgets the keys on dispose', async () => {
    const protector = new PassphraseKeyProtector('correct horse', { costLog2: 15 });
    const blobs = await Promise.all([protector.encrypt(secret), protector.encrypt(secret), protector.encrypt(secret)]);
    expect(new Set(blobs.map((blob) => blob.subarray(8, 24).toString('hex'))).size).toBe(1);
    const reader = new PassphraseKeyProtector('correct horse', { costLog2: 15 });
    for (const blob of blobs) expect((await reader.decrypt(blob)).equals(secret)).toBe(true);
    reader.dispose();
    await expectCode(reader.decrypt(blobs[0]!), 'KEY_PROTECTION_UNAVAILABLE');
  });

  it('still opens blobs written with the old N = 2^15, and says they need an upgrade', async () => {
    const old = await new PassphraseKeyProtector('correct horse', { costLog2: 15 }).encrypt(secret);
    expect(passphraseBlobParameters(old)?.costLog2).toBe(15);
    const current = new PassphraseKeyProtector('correct horse');
    expect((await current.decrypt(old)).equals(secret)).toBe(true);
    expect(current.needsUpgrade(old)).toBe(true);
    expect(current.needsUpgrade(await current.encrypt(secret))).toBe(false);
    expect(current.needsUpgrade(Buffer.from('not ours'))).toBe(false);
  });

  it('rejects a wrong passphrase and tampering with WRONG_PASSPHRASE, garbage with CORRUPT_KEY_BLOB', async () => {
    const blob = await new PassphraseKeyProtector('right', { costLog2: 15 }).encrypt(secret);
    await expectCode(new PassphraseKeyProtector('wrong').decrypt(blob), 'WRONG_PASSPHRASE');
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    await expectCode(new PassphraseKeyProtector('right').decrypt(tampered), 'WRONG_PASSPHRASE');
    await expectCode(new PassphraseKeyProtector('right').decrypt(Buffer.from('not a blob')), 'CORRUPT_KEY_BLOB');
    const weakened = Buffer.from(blob);
    weakened[5] = 10; // an attacker lowering the scrypt cost
    await expectCode(new PassphraseKeyProtector('right').decrypt(weakened), 'CORRUPT_KEY_BLOB');
  });

  it('is unavailable with an empty or disposed passphrase', async () => {
    expect(new PassphraseKeyProtector('').isAvailable()).toBe(false);
    const protector = new PassphraseKeyProtector('x');
    protector.dispose();
    expect(protector.isAvailable()).toBe(false);
    await expectCode(protector.encrypt(secret), 'KEY_PROTECTION_UNAVAILABLE');
  });
});

describe('SafeStorageKeyProtector', () => {
  const secret = randomBytes(64);

  it('round-trips through safeStorage on a real backend (and on macOS/Windows without a backend getter)', async () => {
    for (const storage of [fakeSafeStorage({ backend: 'gnome_libsecret' }), fakeSafeStorage()]) {
      const protector = new SafeStorageKeyProtector(storage);
      expect(protector.isAvailable()).toBe(true);
      const blob = await protector.encrypt(secret);
      expect(blob.includes(secret)).toBe(false);
      expect((await protector.decrypt(blob)).equals(secret)).toBe(true);
    }
  });

  it.each([
    ['basic_text', { backend: 'basic_text' }],
    ['unknown', { backend: 'unknown' }],
    ['encryption unavailable', { available: false }],
  ])('fails closed: %s', async (_name, options) => {
    const storage = fakeSafeStorage(options);
    const protector = new SafeStorageKeyProtector(storage);
    expect(protector.isAvailable()).toBe(false);
    await expectCode(protector.encrypt(secret), 'KEY_PROTECTION_UNAVAILABLE');
    await expectCode(protector.decrypt(Buffer.from('x')), 'KEY_PROTECTION_UNAVAILABLE');
    expect(storage.calls).toBe(0); // nothing was handed to a non-protecting backend
  });
});
