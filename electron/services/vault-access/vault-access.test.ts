import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyProtectionError, SafeStorageKeyProtector, type SafeStorageLike } from '../certificates';
import { LockableKeyProtector } from './lockable-key-protector';
import { VERIFIER_FILE } from './passphrase-verifier';
import { VaultAccess } from './vault-access';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const profile = () => mkdtempSync(path.join(os.tmpdir(), 'vault-access-'));

function fakeSafeStorage(available: boolean): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${text}`),
    decryptString: (blob) => blob.toString().slice(4),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
}

describe('VaultAccess with a passphrase', () => {
  it('sets the passphrase on first use, then needs it once per run; a wrong one is refused before any key', async () => {
    const dir = profile();
    const first = new VaultAccess({ profileDir: dir, clock });
    expect(await first.status()).toEqual({ mode: 'passphrase', state: 'notSet' });
    await expect(first.assertUnlocked()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(await first.setPassphrase('correct horse')).toEqual({ mode: 'passphrase', state: 'unlocked' });
    expect(statSync(path.join(dir, VERIFIER_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, VERIFIER_FILE), 'utf8')).not.toContain('correct horse');

    const nextRun = new VaultAccess({ profileDir: dir, clock });
    expect(await nextRun.status()).toEqual({ mode: 'passphrase', state: 'locked' });
    await expect(nextRun.unlock('wrong horse')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await nextRun.status()).state).toBe('locked');
    expect(await nextRun.unlock('correct horse')).toEqual({ mode: 'passphrase', state: 'unlocked' });
    await expect(nextRun.setPassphrase('another one')).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });

    await nextRun.lock();
    expect((await nextRun.status()).state).toBe('locked');
  });

  it('refuses a short passphrase and unlocking before one was set', async () => {
    const access = new VaultAccess({ profileDir: profile(), clock });
    await expect(access.setPassphrase('short')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(access.unlock('whatever1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('unlockOrInitialize sets on a fresh profile and unlocks later (the CLI path)', async () => {
    const dir = profile();
    expect((await new VaultAccess({ profileDir: dir, clock }).unlockOrInitialize('cli passphrase')).state).toBe('unlocked');
    expect((await new VaultAccess({ profileDir: dir, clock }).unlockOrInitialize('cli passphrase')).state).toBe('unlocked');
    await expect(new VaultAccess({ profileDir: dir, clock }).unlockOrInitialize('other passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });

  it('reports every change', async () => {
    const seen: string[] = [];
    const access = new VaultAccess({ profileDir: profile(), clock, onChange: (status) => seen.push(status.state) });
    await access.setPassphrase('correct horse');
    await access.lock();
    expect(seen).toEqual(['unlocked', 'locked']);
  });
});

describe('VaultAccess with the OS key store', () => {
  it('uses a working OS key store without asking for anything', async () => {
    const access = new VaultAccess({ profileDir: profile(), clock, osKeyProtector: new SafeStorageKeyProtector(fakeSafeStorage(true)) });
    expect(await access.status()).toEqual({ mode: 'os-keychain', state: 'unlocked' });
    await expect(access.setPassphrase('correct horse')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const blob = await access.protector.encrypt(Buffer.from('key'));
    expect((await access.protector.decrypt(blob)).toString()).toBe('key');
  });

  it('falls back to a passphrase when the OS key store does not really protect', async () => {
    const access = new VaultAccess({ profileDir: profile(), clock, osKeyProtector: new SafeStorageKeyProtector(fakeSafeStorage(false)) });
    expect(await access.status()).toEqual({ mode: 'passphrase', state: 'notSet' });
  });
});

describe('LockableKeyProtector', () => {
  it('fails closed while locked', async () => {
    const protector = new LockableKeyProtector('passphrase');
    expect(protector.isAvailable()).toBe(false);
    await expect(protector.encrypt(Buffer.from('x'))).rejects.toBeInstanceOf(KeyProtectionError);
  });
});
