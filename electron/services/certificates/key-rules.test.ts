import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCertificateServiceError } from './errors';
import { inspectCertificate } from './inspect';
import { PassphraseKeyProtector } from './key-protector';
import { enrollmentKeyProblem, signInKeyProblem, type KsefKeyProblem } from './key-rules';
import { OpensslFixtures, SUBJECT_WITH_NIP, SUBJECT_WITHOUT_ID, type FixtureKeyType } from './testing/openssl-fixtures';
import { CertificateVault } from './vault';
import { METADATA_FILE } from './vault-store';
import { toCertificateEntry } from '../vault-access/certificate-views';

const PASSWORD = 'hasło-do-pliku';
const fixtures = new OpensslFixtures();
afterAll(() => fixtures.cleanup());
const clock = { now: () => new Date() };

function credential(keyType: FixtureKeyType, subject = SUBJECT_WITH_NIP) {
  const key = fixtures.generateKey(keyType);
  const cert = fixtures.selfSigned(key, subject);
  return {
    key,
    certDer: fixtures.read(fixtures.toDer(cert)),
    p12: fixtures.read(fixtures.pkcs12(cert, key, PASSWORD, 'aes')),
    pkcs8Der: fixtures.read(fixtures.pkcs8Der(key)),
  };
}

function newVault(): { dir: string; vault: CertificateVault } {
  const dir = join(fixtures.dir, `vault-${Math.random().toString(36).slice(2)}`);
  return { dir, vault: new CertificateVault({ dir, keyProtector: new PassphraseKeyProtector('vault passphrase', { costLog2: 15 }), clock }) };
}

const REFUSED: Array<[FixtureKeyType, KsefKeyProblem]> = [
  ['rsa-1024', 'RSA_KEY_TOO_SHORT'],
  ['ec-p192', 'EC_CURVE_NOT_ACCEPTED'],
  ['ec-secp256k1', 'EC_CURVE_NOT_ACCEPTED'],
  ['ed25519', 'KEY_TYPE_NOT_ACCEPTED'],
];

describe('KSeF key rules', () => {
  it.each(['rsa', 'ec-p256', 'ec-p384'] as const)('%s is accepted for sign-in', (keyType) => {
    const { certDer } = credential(keyType);
    expect(signInKeyProblem(new X509Certificate(certDer).publicKey)).toBeNull();
    const inspection = inspectCertificate(certDer, { now: clock.now() });
    expect(inspection).toMatchObject({ keyProblem: null, canSignIn: true });
  });

  it.each(REFUSED)('%s is never "can sign in" (%s)', (keyType, problem) => {
    const { certDer } = credential(keyType);
    expect(signInKeyProblem(new X509Certificate(certDer).publicKey)).toBe(problem);
    expect(inspectCertificate(certDer, { now: clock.now() })).toMatchObject({ keyProblem: problem, canSignIn: false });
  });

  it('enrollment takes only RSA 2048 and P-256 (what KSeF certifies)', () => {
    const problemOf = (keyType: FixtureKeyType) => enrollmentKeyProblem(createPrivateKey(fixtures.read(fixtures.generateKey(keyType))));
    expect(problemOf('rsa')).toBeNull();
    expect(problemOf('ec-p256')).toBeNull();
    expect(problemOf('ec-p384')).toBe('EC_CURVE_NOT_ACCEPTED');
    expect(problemOf('rsa-1024')).toBe('RSA_KEY_TOO_SHORT');
  });
});

describe('vault import of keys KSeF refuses (regression)', () => {
  // Ed25519 is refused earlier, by the parser (UNSUPPORTED_FORMAT: RSA or EC only).
  it.each(REFUSED.filter(([keyType]) => keyType !== 'ed25519'))('%s: refused with KEY_NOT_ACCEPTED (%s), the vault unchanged', async (keyType, problem) => {
    const { dir, vault } = newVault();
    const { p12 } = credential(keyType);
    await expect(vault.importDraft(p12, 'weak.p12', PASSWORD)).rejects.toSatisfy(
      (error: unknown) => isCertificateServiceError(error) && error.code === 'KEY_NOT_ACCEPTED' && error.cause === problem,
    );
    expect(await vault.list()).toEqual([]);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('a generated (enrolled or test) key outside the enrollment rule is refused too', async () => {
    const { vault } = newVault();
    const weak = credential('rsa-1024');
    await expect(vault.addGenerated(weak.certDer, weak.pkcs8Der, { label: 'KSeF', source: 'ksef' })).rejects.toSatisfy(
      (error: unknown) => isCertificateServiceError(error) && error.code === 'KEY_NOT_ACCEPTED',
    );
    expect(await vault.list()).toEqual([]);
  });

  it('a certificate without a Polish identifier still imports (sign-in by fingerprint)', async () => {
    const { vault } = newVault();
    const { draftId, summary } = await vault.importDraft(credential('ec-p256', SUBJECT_WITHOUT_ID).p12, 'foreign.p12', PASSWORD);
    expect(summary).toMatchObject({ canSignIn: true, canSignInBySubject: false, warnings: ['NO_POLISH_IDENTIFIER'] });
    await vault.commitDraft(draftId, { label: 'Foreign' });
    expect((await vault.list())[0]).toMatchObject({ canSignIn: true, canSignInBySubject: false });
  });

  it('an entry stored before these rules lists as unusable with its reason (UI list and `cert list --json`)', async () => {
    const { dir, vault } = newVault();
    const { draftId } = await vault.importDraft(credential('ec-p256').p12, 'ok.p12', PASSWORD);
    await vault.commitDraft(draftId, { label: 'Old import' });
    // What an older version could have stored: an RSA-1024 certificate.
    const metadata = JSON.parse(readFileSync(join(dir, METADATA_FILE), 'utf8')) as { entries: { certificateDerBase64: string }[] };
    metadata.entries[0]!.certificateDerBase64 = credential('rsa-1024').certDer.toString('base64');
    writeFileSync(join(dir, METADATA_FILE), JSON.stringify(metadata));
    const [entry] = await vault.list();
    expect(entry).toMatchObject({ canSignIn: false, keyProblem: 'RSA_KEY_TOO_SHORT', keyType: 'RSA-1024' });
    expect(toCertificateEntry(entry!)).toMatchObject({ canSignIn: false, keyProblem: 'RSA_KEY_TOO_SHORT' });
  });
});
