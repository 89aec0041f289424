import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CertificateVault } from '../certificates';
import { OpensslFixtures, PERSON_NIP, SUBJECT_WITH_NIP } from '../certificates/testing/openssl-fixtures';
import { CertificateService } from './certificate-service';
import { VaultAccess } from './vault-access';

const clock = { now: () => new Date() };
const fixtures = new OpensslFixtures();
afterAll(() => fixtures.cleanup());

function service() {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cert-service-'));
  const access = new VaultAccess({ profileDir, clock });
  const vault = new CertificateVault({ dir: path.join(profileDir, 'certificates'), keyProtector: access.protector, clock });
  let changes = 0;
  const certificates = new CertificateService({ vault, access, onChange: () => (changes += 1) });
  return { certificates, access, changes: () => changes };
}

function p12(password: string): Buffer {
  const key = fixtures.generateKey('ec-p256');
  const cert = fixtures.selfSigned(key, SUBJECT_WITH_NIP);
  return fixtures.read(fixtures.pkcs12(cert, key, password, 'aes'));
}

describe('CertificateService', () => {
  it('walks the wizard: wrong password, right password, commit needs the key store, then lists', async () => {
    const { certificates, access, changes } = service();
    await expect(certificates.inspectFile('a.p12', p12('secret'), 'wrong')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });

    const bytes = p12('secret');
    const draft = await certificates.inspectFile('a.p12', bytes, 'secret');
    expect(bytes.every((byte) => byte === 0)).toBe(true); // the file buffer is wiped
    expect(draft.summary).toMatchObject({ ownerName: 'Jan Kowalski', nip: PERSON_NIP, keyType: 'EC-P256', canSignIn: true, fileName: 'a.p12' });
    expect(JSON.stringify(draft)).not.toMatch(/PRIVATE|pkcs8/i);

    await expect(certificates.commit(draft.draftId, 'Jan', PERSON_NIP)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await access.setPassphrase('correct horse');
    const entry = await certificates.commit(draft.draftId, 'Jan', PERSON_NIP);
    expect(entry).toMatchObject({ label: 'Jan', nip: PERSON_NIP, status: 'valid', source: 'imported', defaultFor: [PERSON_NIP] });
    expect(await certificates.list()).toHaveLength(1);
    expect(changes()).toBe(1);
    await expect(certificates.commit(draft.draftId, 'Again', undefined)).rejects.toMatchObject({ code: 'DRAFT_EXPIRED' });
    expect((await certificates.resolveForSignIn(PERSON_NIP, undefined)).id).toBe(entry.id);
    await expect(certificates.resolveForSignIn('7680002466', undefined)).rejects.toMatchObject({ code: 'NO_DEFAULT_CERTIFICATE' });
  });

  it('refuses files over 1 MiB and garbage with their own codes', async () => {
    const { certificates } = service();
    await expect(certificates.inspectFile('big.p12', Buffer.alloc(1024 * 1024 + 1), undefined)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    await expect(certificates.inspectFile('x.p12', Buffer.from('hello'), undefined)).rejects.toMatchObject({ code: expect.stringMatching(/CORRUPT_FILE|UNSUPPORTED_FORMAT/) });
  });

  it('creates test certificates only where KSeF accepts them, default for their NIP', async () => {
    const { certificates, access } = service();
    await access.setPassphrase('correct horse');
    const subject = { kind: 'person' as const, nip: PERSON_NIP, givenName: 'Jan', surname: 'Testowy' };
    await expect(certificates.createTest('production', subject, 'ec')).rejects.toMatchObject({ code: 'NOT_AVAILABLE_IN_ENVIRONMENT' });
    await expect(certificates.createTest('demo', subject, 'ec')).rejects.toMatchObject({ code: 'NOT_AVAILABLE_IN_ENVIRONMENT' });
    const created = await certificates.createTest('sandbox', subject, 'rsa');
    expect(created).toMatchObject({ nip: PERSON_NIP, source: 'test', keyType: 'RSA-2048', defaultFor: [PERSON_NIP], canSignIn: true });
    const second = await certificates.createTest('test', { kind: 'person', pesel: '44051401359', givenName: 'Anna', surname: 'Nowak' }, 'ec');
    expect(second).toMatchObject({ pesel: '44051401359', defaultFor: [] });
    await expect(certificates.createTest('sandbox', { ...subject, nip: '5265877636' }, 'ec')).rejects.toMatchObject({ code: 'INVALID_NIP' });

    await certificates.setDefault(second.id, PERSON_NIP);
    expect((await certificates.get(second.id)).defaultFor).toEqual([PERSON_NIP]);
    await certificates.remove(created.id);
    await expect(certificates.get(created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
