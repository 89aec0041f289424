import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateStatus, inspectCertificate } from './inspect';
import {
  OpensslFixtures,
  PERSON_NIP,
  PERSON_PESEL,
  SEAL_SUBJECT,
  SUBJECT_WITH_NIP,
  SUBJECT_WITH_PESEL,
  SUBJECT_WITHOUT_ID,
} from './testing/openssl-fixtures';

const fixtures = new OpensslFixtures();
afterAll(() => fixtures.cleanup());
// Certificates are created during the tests, so "now" must be taken after each one.
const current = (): { now: Date } => ({ now: new Date() });
const der = (certName: string): Buffer => fixtures.read(fixtures.toDer(certName));

describe('inspectCertificate', () => {
  let ecKey = '';
  beforeAll(() => {
    ecKey = fixtures.generateKey('ec-p256');
  });

  it('matches what openssl reports for a person certificate with NIP', () => {
    const cert = fixtures.selfSigned(ecKey, SUBJECT_WITH_NIP);
    const inspection = inspectCertificate(der(cert), current());
    expect(inspection.fingerprintSha256).toBe(fixtures.fingerprint(cert));
    expect(inspection.fingerprintSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(inspection.serialNumber).toBe(fixtures.serial(cert));
    expect(inspection.notAfter).toBe(fixtures.notAfter(cert).toISOString());
    expect(inspection.subject.text).toBe('CN=Jan Kowalski, serialNumber=TINPL-5265877635, GN=Jan, SN=Kowalski, C=PL');
    expect(inspection.subject.attributes).toEqual({
      CN: ['Jan Kowalski'],
      serialNumber: [`TINPL-${PERSON_NIP}`],
      GN: ['Jan'],
      SN: ['Kowalski'],
      C: ['PL'],
    });
    expect(inspection.issuer.text).toBe(inspection.subject.text);
    expect(inspection).toMatchObject({
      nip: PERSON_NIP,
      keyType: 'EC-P256',
      ownerName: 'Jan Kowalski',
      selfSigned: true,
      keyUsage: ['digitalSignature'],
      ksefCertificateType: 'Authentication',
      canSignInBySubject: true,
      canSignIn: true,
      status: 'valid',
      warnings: [],
    });
    expect(inspection.pesel).toBeUndefined();
  });

  it('reads PESEL and a seal NIP; owner name falls back to O', () => {
    const person = inspectCertificate(der(fixtures.selfSigned(ecKey, SUBJECT_WITH_PESEL)), current());
    expect(person).toMatchObject({ pesel: PERSON_PESEL, ownerName: 'Anna Nowak', canSignInBySubject: true });
    const seal = inspectCertificate(der(fixtures.selfSigned(ecKey, SEAL_SUBJECT)), current());
    expect(seal).toMatchObject({ nip: PERSON_NIP, ownerName: 'Firma Testowa Sp. z o.o.' });
    expect(seal.identifiers[0]?.attribute).toBe('organizationIdentifier');
  });

  it('flags a certificate without a Polish identifier but still lets it sign in by fingerprint', () => {
    const inspection = inspectCertificate(der(fixtures.selfSigned(ecKey, SUBJECT_WITHOUT_ID)), current());
    expect(inspection).toMatchObject({ canSignInBySubject: false, canSignIn: true, ownerName: 'Foreign Ltd' });
    expect(inspection.warnings).toContain('NO_POLISH_IDENTIFIER');
  });

  it('warns about a NIP with a bad checksum', () => {
    const inspection = inspectCertificate(der(fixtures.selfSigned(ecKey, '/CN=X/serialNumber=TINPL-5265877636/C=PL')), current());
    expect(inspection.nip).toBeUndefined();
    expect(inspection.warnings).toEqual(expect.arrayContaining(['NO_POLISH_IDENTIFIER', 'INVALID_IDENTIFIER_CHECKSUM']));
  });

  it('RSA key type and a CA-issued (not self-signed) leaf', () => {
    const ca = fixtures.certificateAuthority('rsa', '/CN=Test CA/O=Test/C=PL');
    const inspection = inspectCertificate(der(fixtures.issued(ecKey, SUBJECT_WITH_NIP, ca.cert, ca.key)), current());
    expect(inspection.selfSigned).toBe(false);
    expect(inspection.serialNumber).toBe('1F2E3D4C5B6A');
    expect(inspection.issuer.attributes['CN']).toEqual(['Test CA']);
    expect(inspectCertificate(der(ca.cert), current()).keyType).toBe('RSA-2048');
  });

  it('guesses KSeF types; a KSeF Offline certificate cannot sign in, a qualified nonRepudiation one can', () => {
    const ksefCa = fixtures.certificateAuthority('ec-p256', '/CN=TI CCK KSeF/O=Ministerstwo Finansow/C=PL');
    const offline = inspectCertificate(der(fixtures.issued(ecKey, SUBJECT_WITH_NIP, ksefCa.cert, ksefCa.key, 'nonRepudiation')), current());
    expect(offline).toMatchObject({ ksefIssued: true, ksefCertificateType: 'Offline', canSignIn: false });
    expect(offline.warnings).toContain('OFFLINE_ONLY');
    const authentication = inspectCertificate(der(fixtures.issued(ecKey, SUBJECT_WITH_NIP, ksefCa.cert, ksefCa.key)), current());
    expect(authentication).toMatchObject({ ksefIssued: true, ksefCertificateType: 'Authentication', canSignIn: true });
    const qualified = inspectCertificate(der(fixtures.selfSigned(ecKey, SUBJECT_WITH_NIP, { keyUsage: 'nonRepudiation' })), current());
    expect(qualified).toMatchObject({ ksefIssued: false, ksefCertificateType: 'Offline', canSignIn: true });
  });

  it('status depends on the given now', () => {
    const cert = fixtures.selfSigned(ecKey, SUBJECT_WITH_NIP, { days: 100 });
    const notAfter = fixtures.notAfter(cert);
    const at = (offsetDays: number): Date => new Date(notAfter.getTime() + offsetDays * 86_400_000);
    expect(inspectCertificate(der(cert), { now: at(-31) }).status).toBe('valid');
    expect(inspectCertificate(der(cert), { now: at(-30) }).status).toBe('expiring');
    expect(inspectCertificate(der(cert), { now: at(-30) }).warnings).toContain('EXPIRING_SOON');
    const expired = inspectCertificate(der(cert), { now: at(1) });
    expect(expired).toMatchObject({ status: 'expired', canSignIn: false });
    expect(inspectCertificate(der(cert), { now: at(-200) }).status).toBe('notYetValid');
  });

  it('certificateStatus boundaries', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-12-31T00:00:00Z');
    expect(certificateStatus(from, to, new Date('2025-12-31T23:59:59Z'))).toBe('notYetValid');
    expect(certificateStatus(from, to, to)).toBe('expiring');
    expect(certificateStatus(from, to, new Date(to.getTime() + 1))).toBe('expired');
  });
});
