import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PassphraseKeyProtector, passphraseBlobParameters } from '../certificates';
import { VERIFIER_FILE, writeVerifier } from './passphrase-verifier';
import { VaultAccess } from './vault-access';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const PASSPHRASE = 'correct horse battery staple';

/** A profile as an older version left it: verifier, one private key and one saved token, all at N = 2^15. */
async function oldProfile(): Promise<{ dir: string; keyFile: string; tokenFile: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kdf-upgrade-'));
  const old = new PassphraseKeyProtector(PASSPHRASE, { costLog2: 15 });
  await writeVerifier(dir, old, clock.now());
  mkdirSync(path.join(dir, 'certificates'));
  mkdirSync(path.join(dir, 'tokens'));
  const keyFile = path.join(dir, 'certificates', '11111111-1111-4111-8111-111111111111.key');
  const tokenFile = path.join(dir, 'tokens', '22222222-2222-4222-8222-222222222222.token');
  writeFileSync(keyFile, await old.encrypt(Buffer.from('private key bytes')));
  writeFileSync(tokenFile, await old.encrypt(Buffer.from('ksef token secret')));
  return { dir, keyFile, tokenFile };
}

const costOf = (file: string) => passphraseBlobParameters(readFileSync(file))?.costLog2;
const verifierCost = (dir: string) =>
  passphraseBlobParameters(Buffer.from((JSON.parse(readFileSync(path.join(dir, VERIFIER_FILE), 'utf8')) as { verifierBase64: string }).verifierBase64, 'base64'))
    ?.costLog2;

describe('key store KDF upgrade', () => {
  it('opens files written with the old parameters and re-encrypts them with N = 2^17 on unlock', async () => {
    const { dir, keyFile, tokenFile } = await oldProfile();
    expect([costOf(keyFile), costOf(tokenFile), verifierCost(dir)]).toEqual([15, 15, 15]);

    const access = new VaultAccess({ profileDir: dir, clock });
    expect((await access.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect([costOf(keyFile), costOf(tokenFile), verifierCost(dir)]).toEqual([17, 17, 17]);
    // Same content under the new parameters, through the unlocked protector.
    expect((await access.protector.decrypt(readFileSync(keyFile))).toString()).toBe('private key bytes');
    expect((await access.protector.decrypt(readFileSync(tokenFile))).toString()).toBe('ksef token secret');

    // The next run opens the upgraded profile and has nothing left to do.
    const before = readFileSync(keyFile);
    expect((await new VaultAccess({ profileDir: dir, clock }).unlock(PASSPHRASE)).state).toBe('unlocked');
    expect(readFileSync(keyFile).equals(before)).toBe(true);
  });

  it('a wrong passphrase upgrades nothing', async () => {
    const { dir, keyFile } = await oldProfile();
    await expect(new VaultAccess({ profileDir: dir, clock }).unlock('wrong horse battery')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect([costOf(keyFile), verifierCost(dir)]).toEqual([15, 15]);
  });
});

describe('passphrase strength on creation (main decides)', () => {
  it('refuses a guessable passphrase with WEAK_PASSPHRASE and writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kdf-weak-'));
    const access = new VaultAccess({ profileDir: dir, clock });
    await expect(access.setPassphrase('password123')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    await expect(access.setPassphrase('qwertyuiop')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    expect(await access.status()).toEqual({ mode: 'passphrase', state: 'notSet' });
    expect((await access.setPassphrase(PASSPHRASE)).state).toBe('unlocked');
  });

  it('the CLI path (unlockOrInitialize) is held to the same rule', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kdf-weak-'));
    await expect(new VaultAccess({ profileDir: dir, clock }).unlockOrInitialize('12345678')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
  });
});
