import { createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DraftRegistry } from './drafts';
import { isCertificateServiceError, type CertificateServiceErrorCode } from './errors';
import { PassphraseKeyProtector, SafeStorageKeyProtector } from './key-protector';
import { OpensslFixtures, PERSON_NIP, SUBJECT_WITH_NIP, SUBJECT_WITH_PESEL, SUBJECT_WITHOUT_ID } from './testing/openssl-fixtures';
import { CertificateVault } from './vault';
import { METADATA_FILE } from './vault-store';

const PASSWORD = 'hasło-do-pliku';
const DAY = 86_400_000;
const fixtures = new OpensslFixtures();
afterAll(() => fixtures.cleanup());

class FakeClock {
  current = new Date();
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

async function expectCode(action: Promise<unknown>, code: CertificateServiceErrorCode): Promise<void> {
  await expect(action).rejects.toSatisfy((error: unknown) => isCertificateServiceError(error) && error.code === code);
}

interface Credential {
  key: string;
  cert: string;
  p12: Buffer;
  pkcs8Der: Buffer;
}

function credential(subject: string, options: { days?: number } = {}): Credential {
  const key = fixtures.generateKey('ec-p256');
  const cert = fixtures.selfSigned(key, subject, options);
  return {
    key,
    cert,
    p12: fixtures.read(fixtures.pkcs12(cert, key, PASSWORD, 'aes')),
    pkcs8Der: fixtures.read(fixtures.pkcs8Der(key)),
  };
}

let nipCredential: Credential;
let peselCredential: Credential;
let foreignCredential: Credential;
beforeAll(() => {
  nipCredential = credential(SUBJECT_WITH_NIP, { days: 365 });
  peselCredential = credential(SUBJECT_WITH_PESEL);
  foreignCredential = credential(SUBJECT_WITHOUT_ID);
});

describe('CertificateVault', () => {
  let dir = '';
  let clock: FakeClock;
  let vault: CertificateVault;

  beforeEach(() => {
    dir = join(fixtures.dir, `vault-${Math.random().toString(36).slice(2)}`);
    clock = new FakeClock();
    vault = new CertificateVault({ dir, keyProtector: new PassphraseKeyProtector('vault passphrase', { costLog2: 15 }), clock });
  });

  /** Everything an observer could see: listing, files and their bytes. */
  async function snapshot(): Promise<unknown> {
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    return { list: await vault.list(), files, contents: files.map((file) => readFileSync(join(dir, file)).toString('base64')) };
  }

  async function importAndCommit(source: Credential, label = 'Jan'): Promise<string> {
    const { draftId } = await vault.importDraft(source.p12, 'jan.p12', PASSWORD);
    return vault.commitDraft(draftId, { label });
  }

  it('imports, stores encrypted with owner-only permissions and lists metadata only', async () => {
    const { draftId, summary } = await vault.importDraft(nipCredential.p12, 'jan.p12', PASSWORD);
    expect(summary).toMatchObject({ nip: PERSON_NIP, format: 'pkcs12', canSignInBySubject: true, warnings: [] });
    expect(summary.fingerprintSha256).toBe(fixtures.fingerprint(nipCredential.cert));
    const id = await vault.commitDraft(draftId, { label: ' Jan (firma) ', defaultForNip: PERSON_NIP });

    const [entry] = await vault.list();
    expect(entry).toMatchObject({
      id,
      label: 'Jan (firma)',
      nip: PERSON_NIP,
      subject: 'CN=Jan Kowalski, serialNumber=TINPL-5265877635, GN=Jan, SN=Kowalski, C=PL',
      serialNumber: fixtures.serial(nipCredential.cert),
      fingerprintSha256: fixtures.fingerprint(nipCredential.cert),
      keyType: 'EC-P256',
      status: 'valid',
      source: 'imported',
      defaultFor: [PERSON_NIP],
      protection: 'passphrase',
    });

    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir).sort()).toEqual([`${id}.key`, METADATA_FILE].sort());
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    const pkcs8 = nipCredential.pkcs8Der;
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes(pkcs8)).toBe(false);
      expect(bytes.includes(Buffer.from(pkcs8.toString('base64')))).toBe(false);
    }
    expect(JSON.stringify(await vault.list())).not.toContain(pkcs8.toString('base64'));
    // the bytes searched for above are exactly what the vault protects
    await vault.withPrivateKey(id, async (key) => expect(key.export({ type: 'pkcs8', format: 'der' }).equals(pkcs8)).toBe(true));
  });

  it('uses a key only inside withPrivateKey, and only with the right passphrase', async () => {
    const id = await importAndCommit(nipCredential);
    const message = Buffer.from('AuthTokenRequest');
    const signature = await vault.withPrivateKey(id, async (key, certificateDer) => {
      expect(key.type).toBe('private');
      expect(fixtures.fingerprint(nipCredential.cert)).toBe((await vault.list())[0]?.fingerprintSha256);
      expect(new X509Certificate(certificateDer).fingerprint256.replaceAll(':', '')).toBe(fixtures.fingerprint(nipCredential.cert));
      return sign('sha256', message, key);
    });
    expect(verify('sha256', message, new X509Certificate(fixtures.read(nipCredential.cert)).publicKey, signature)).toBe(true);

    const otherPassphrase = new CertificateVault({ dir, keyProtector: new PassphraseKeyProtector('guess', { costLog2: 15 }), clock });
    await expectCode(otherPassphrase.withPrivateKey(id, async () => 1), 'WRONG_PASSPHRASE');
    await expectCode(vault.withPrivateKey('00000000-0000-0000-0000-000000000000', async () => 1), 'ENTRY_NOT_FOUND');
  });

  describe('a failed import leaves the vault unchanged', () => {
    beforeEach(async () => {
      await importAndCommit(peselCredential, 'Anna');
    });

    const failures: Array<[string, CertificateServiceErrorCode, () => Promise<unknown>]> = [
      ['wrong password', 'WRONG_PASSWORD', () => vault.importDraft(nipCredential.p12, 'a.p12', 'wrong')],
      ['missing password', 'PASSWORD_REQUIRED', () => vault.importDraft(nipCredential.p12, 'a.p12')],
      ['corrupt file', 'CORRUPT_FILE', () => vault.importDraft(nipCredential.p12.subarray(0, 300), 'a.p12', PASSWORD)],
      ['mismatched key', 'KEY_CERT_MISMATCH', () => vault.importPairDraft(fixtures.read(nipCredential.cert), fixtures.read(foreignCredential.key))],
      ['certificate without key', 'NO_PRIVATE_KEY', () => vault.importDraft(fixtures.read(nipCredential.cert), 'c.pem')],
      ['expired certificate', 'CERT_EXPIRED', () => (clock.advance(400 * DAY), vault.importDraft(nipCredential.p12, 'a.p12', PASSWORD))],
      ['not yet valid', 'CERT_NOT_YET_VALID', () => (clock.advance(-DAY), vault.importDraft(nipCredential.p12, 'a.p12', PASSWORD))],
      ['duplicate', 'ALREADY_IMPORTED', () => vault.importDraft(peselCredential.p12, 'again.p12', PASSWORD)],
    ];

    it.each(failures)('%s → %s', async (_name, code, attempt) => {
      const before = await snapshot();
      const resetClock = clock.current;
      await expectCode(attempt(), code);
      clock.current = resetClock;
      expect(await snapshot()).toEqual(before);
    });

    it('a commit that cannot protect the key writes nothing (safeStorage on basic_text)', async () => {
      const insecure = new CertificateVault({
        dir,
        clock,
        keyProtector: new SafeStorageKeyProtector({
          isEncryptionAvailable: () => true,
          getSelectedStorageBackend: () => 'basic_text',
          encryptString: () => Buffer.from('never called'),
          decryptString: () => 'never called',
        }),
      });
      const before = await snapshot();
      const { draftId } = await insecure.importDraft(nipCredential.p12, 'a.p12', PASSWORD);
      await expectCode(insecure.commitDraft(draftId, { label: 'Jan' }), 'KEY_PROTECTION_UNAVAILABLE');
      expect(await snapshot()).toEqual(before);
    });

    it('a duplicate detected at commit time writes nothing', async () => {
      const first = await vault.importDraft(nipCredential.p12, 'a.p12', PASSWORD);
      const second = await vault.importDraft(nipCredential.p12, 'b.p12', PASSWORD);
      await vault.commitDraft(first.draftId, { label: 'Jan' });
      const before = await snapshot();
      await expectCode(vault.commitDraft(second.draftId, { label: 'Jan again' }), 'ALREADY_IMPORTED');
      expect(await snapshot()).toEqual(before);
    });
  });

  it('accepts a certificate without a Polish identifier with a warning', async () => {
    const { draftId, summary } = await vault.importDraft(foreignCredential.p12, 'foreign.p12', PASSWORD);
    expect(summary.warnings).toContain('NO_POLISH_IDENTIFIER');
    expect(summary).toMatchObject({ canSignInBySubject: false, canSignIn: true });
    await vault.commitDraft(draftId, { label: 'Foreign' });
    expect((await vault.list())[0]).toMatchObject({ canSignInBySubject: false, canSignIn: true });
  });

  it('drafts expire after 10 minutes', async () => {
    const kept = await vault.importDraft(nipCredential.p12, 'a.p12', PASSWORD);
    clock.advance(10 * 60_000 - 1);
    await vault.commitDraft(kept.draftId, { label: 'In time' });

    const late = await vault.importDraft(peselCredential.p12, 'b.p12', PASSWORD);
    clock.advance(10 * 60_000);
    await vault.list(); // purges expired drafts on the way
    await expectCode(vault.commitDraft(late.draftId, { label: 'Too late' }), 'DRAFT_EXPIRED');
    await expectCode(vault.commitDraft(late.draftId, { label: 'Too late' }), 'DRAFT_EXPIRED');
    await expectCode(vault.commitDraft('no-such-draft', { label: 'x' }), 'DRAFT_NOT_FOUND');
    expect(await vault.list()).toHaveLength(1);
  });

  it('validates labels and keeps the draft for a retry', async () => {
    const { draftId } = await vault.importDraft(nipCredential.p12, 'a.p12', PASSWORD);
    await expectCode(vault.commitDraft(draftId, { label: '   ' }), 'INVALID_LABEL');
    await expectCode(vault.commitDraft(draftId, { label: 'ok', defaultForNip: '1234567890' }), 'INVALID_NIP');
    await vault.commitDraft(draftId, { label: 'ok' });
  });

  it('stores generated certificates, manages defaults and removes entries with their key file', async () => {
    const certificateDer = fixtures.read(fixtures.toDer(nipCredential.cert));
    await expectCode(
      vault.addGenerated(certificateDer, peselCredential.pkcs8Der, { label: 'wrong key', source: 'test' }),
      'KEY_CERT_MISMATCH',
    );
    const ksefId = await vault.addGenerated(certificateDer, nipCredential.pkcs8Der, {
      label: 'KSeF auth',
      source: 'ksef',
      ksefCertificateType: 'Authentication',
    });
    await expectCode(vault.addGenerated(certificateDer, nipCredential.pkcs8Der, { label: 'again', source: 'test' }), 'ALREADY_IMPORTED');
    const importedId = await importAndCommit(peselCredential, 'Anna');
    expect((await vault.list()).find((entry) => entry.id === ksefId)).toMatchObject({ source: 'ksef', ksefCertificateType: 'Authentication' });

    await vault.setDefault(ksefId); // its own NIP
    await vault.setDefault(importedId); // no NIP → any context
    expect(await vault.getDefault(PERSON_NIP)).toBe(ksefId);
    expect(await vault.getDefault('1111111111')).toBe(importedId);

    await vault.remove(ksefId);
    expect((await vault.list()).map((entry) => entry.id)).toEqual([importedId]);
    expect(readdirSync(dir)).not.toContain(`${ksefId}.key`);
    expect(await vault.getDefault(PERSON_NIP)).toBe(importedId);
    await expectCode(vault.remove(ksefId), 'ENTRY_NOT_FOUND');
  });

  it('serialises concurrent commits', async () => {
    const drafts = await Promise.all([
      vault.importDraft(nipCredential.p12, 'a.p12', PASSWORD),
      vault.importDraft(peselCredential.p12, 'b.p12', PASSWORD),
      vault.importDraft(foreignCredential.p12, 'c.p12', PASSWORD),
    ]);
    await Promise.all(drafts.map(({ draftId }, index) => vault.commitDraft(draftId, { label: `n${index}` })));
    expect(await vault.list()).toHaveLength(3);
    expect(readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a tampered metadata file', async () => {
    await importAndCommit(nipCredential);
    writeFileSync(join(dir, METADATA_FILE), JSON.stringify({ version: 1, entries: [{ id: '../../etc/passwd' }], defaults: {} }));
    await expectCode(vault.list(), 'VAULT_CORRUPT');
    writeFileSync(join(dir, METADATA_FILE), '{not json');
    await expectCode(vault.list(), 'VAULT_CORRUPT');
  });
});

describe('DraftRegistry', () => {
  it('zeroes key buffers on discard and expiry', () => {
    let now = new Date('2026-05-01T10:00:00Z');
    const registry = new DraftRegistry<string>(() => now);
    const draftKey = (): Buffer => createPrivateKey(fixtures.read(nipCredential.key)).export({ type: 'pkcs8', format: 'der' });
    const discarded = registry.add({ certificateDer: Buffer.alloc(1), chainDer: [], privateKeyPkcs8Der: draftKey(), summary: 'a' });
    const expiring = registry.add({ certificateDer: Buffer.alloc(1), chainDer: [], privateKeyPkcs8Der: draftKey(), summary: 'b' });
    registry.discard(discarded.id);
    expect(discarded.privateKeyPkcs8Der.every((byte) => byte === 0)).toBe(true);
    expect(expiring.privateKeyPkcs8Der.some((byte) => byte !== 0)).toBe(true);
    now = new Date(now.getTime() + 10 * 60_000);
    registry.purgeExpired();
    expect(expiring.privateKeyPkcs8Der.every((byte) => byte === 0)).toBe(true);
    expect(registry.size).toBe(0);
  });
});
