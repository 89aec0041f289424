import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateService, sameSerialNumber } from '../vault-access/certificate-service';
import { VaultAccess } from '../vault-access/vault-access';
import { isCertificateServiceError } from './errors';
import { PassphraseKeyProtector } from './key-protector';
import { OpensslFixtures, SUBJECT_WITH_NIP, SUBJECT_WITH_PESEL } from './testing/openssl-fixtures';
import { CertificateVault } from './vault';
import { METADATA_FILE } from './vault-store';

const fixtures = new OpensslFixtures();
afterAll(() => fixtures.cleanup());

interface Generated {
  certificateDer: Buffer;
  pkcs8Der: Buffer;
  serial: string;
}

function generated(subject: string): Generated {
  const key = fixtures.generateKey('ec-p256');
  const cert = fixtures.selfSigned(key, subject);
  return { certificateDer: fixtures.read(fixtures.toDer(cert)), pkcs8Der: fixtures.read(fixtures.pkcs8Der(key)), serial: fixtures.serial(cert) };
}

let ksefIssued: Generated;
let testCertificate: Generated;
beforeAll(() => {
  ksefIssued = generated(SUBJECT_WITH_NIP);
  testCertificate = generated(SUBJECT_WITH_PESEL);
});

describe('CertificateVault.markRevoked', () => {
  const clock = { now: () => new Date() };

  function newVault(dir: string): CertificateVault {
    return new CertificateVault({ dir, keyProtector: new PassphraseKeyProtector('vault passphrase', { costLog2: 15 }), clock });
  }

  it('lists the entry as revoked, refuses it for sign-in, and keeps that across restarts', async () => {
    const dir = join(mkdtempSync(join(os.tmpdir(), 'vault-revoked-')), 'certificates');
    const vault = newVault(dir);
    const id = await vault.addGenerated(ksefIssued.certificateDer, ksefIssued.pkcs8Der, { label: 'KSeF', source: 'ksef', ksefCertificateType: 'Authentication' });
    expect((await vault.list())[0]).toMatchObject({ status: 'valid', canSignIn: true });
    expect((await vault.list())[0]).not.toHaveProperty('revokedAt');

    await vault.markRevoked(id, new Date('2025-03-02T08:00:00Z'));
    await vault.markRevoked(id, new Date('2025-04-01T08:00:00Z')); // revocation is final: the first date stays
    const reopened = newVault(dir);
    expect((await reopened.list())[0]).toMatchObject({ id, status: 'revoked', canSignIn: false, revokedAt: '2025-03-02T08:00:00.000Z' });
    // Atomic write left no temporary files; the metadata file carries the date, never a key.
    const metadata = JSON.parse(readFileSync(join(dir, METADATA_FILE), 'utf8')) as { entries: Array<{ revokedAt?: string }> };
    expect(metadata.entries[0]?.revokedAt).toBe('2025-03-02T08:00:00.000Z');
    expect(readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);

    await expect(vault.markRevoked('00000000-0000-0000-0000-000000000000', new Date())).rejects.toSatisfy(
      (error: unknown) => isCertificateServiceError(error) && error.code === 'ENTRY_NOT_FOUND',
    );
  });
  it('stops being the default for any company once revoked', async () => {
    const dir = join(mkdtempSync(join(os.tmpdir(), 'vault-revoked-default-')), 'certificates');
    const vault = newVault(dir);
    const revokedId = await vault.addGenerated(ksefIssued.certificateDer, ksefIssued.pkcs8Der, {
      label: 'KSeF',
      source: 'ksef',
      ksefCertificateType: 'Authentication',
      defaultForNip: '5265877635',
    });
    const otherId = await vault.addGenerated(testCertificate.certificateDer, testCertificate.pkcs8Der, { label: 'Test', source: 'test' });
    await vault.setDefault(otherId, '7352765225');
    expect(await vault.getDefault('5265877635')).toBe(revokedId);

    await vault.markRevoked(revokedId, new Date());
    expect(await newVault(dir).getDefault('5265877635')).toBeUndefined();
    expect(await vault.getDefault('7352765225')).toBe(otherId);
  });

  it('hands out the public certificate without decrypting the key', async () => {
    const dir = join(mkdtempSync(join(os.tmpdir(), 'vault-certificate-')), 'certificates');
    const id = await newVault(dir).addGenerated(testCertificate.certificateDer, testCertificate.pkcs8Der, { label: 'Test', source: 'test' });
    const locked = new CertificateVault({ dir, keyProtector: new PassphraseKeyProtector('a different passphrase', { costLog2: 15 }), clock });
    expect((await locked.certificateDer(id)).equals(testCertificate.certificateDer)).toBe(true);
  });
});

describe('CertificateService.syncKsefStatuses', () => {
  it('marks only KSeF-issued entries, by serial, for Revoked and Blocked; sign-in with them is refused', async () => {
    const profileDir = mkdtempSync(join(os.tmpdir(), 'sync-ksef-'));
    const clock = { now: () => new Date() };
    const access = new VaultAccess({ profileDir, clock });
    await access.setPassphrase('correct horse');
    const vault = new CertificateVault({ dir: join(profileDir, 'certificates'), keyProtector: access.protector, clock });
    const certificates = new CertificateService({ vault, access, clock });
    const ksef = await certificates.addEnrolled(ksefIssued.certificateDer, ksefIssued.pkcs8Der, { label: 'KSeF', ksefCertificateType: 'Authentication' });
    const testId = await vault.addGenerated(testCertificate.certificateDer, testCertificate.pkcs8Der, { label: 'Test', source: 'test' });

    const active = await certificates.syncKsefStatuses(new Map([[ksefIssued.serial, 'Active']]));
    expect(active).toEqual({ localIds: new Map([[ksefIssued.serial, ksef.id]]), changed: false });

    // A self-made certificate with the same serial is not KSeF's, so KSeF's word does not apply to it.
    const revoked = await certificates.syncKsefStatuses(new Map([[ksefIssued.serial.toLowerCase(), 'Blocked'], [testCertificate.serial, 'Revoked']]));
    expect(revoked.changed).toBe(true);
    expect(await certificates.get(ksef.id)).toMatchObject({ status: 'revoked', canSignIn: false, revokedAt: expect.any(String) });
    expect(await certificates.get(testId)).toMatchObject({ status: 'valid', canSignIn: true });
    await expect(certificates.resolveForSignIn('5265877635', ksef.id)).rejects.toMatchObject({ code: 'CANNOT_SIGN_IN_WITH_CERTIFICATE', details: ['revoked'] });

    expect((await certificates.syncKsefStatuses(new Map([[ksefIssued.serial, 'Revoked']]))).changed).toBe(false);
  });

  it('compares serials the way KSeF and X.509 readers write them', () => {
    expect(sameSerialNumber('00AB12', 'ab12')).toBe(true);
    expect(sameSerialNumber('0A', '0B')).toBe(false);
  });
});
