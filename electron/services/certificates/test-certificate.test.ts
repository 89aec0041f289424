import 'reflect-metadata';
import { X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { hasTool, runTool, skipNote, tempDir } from '../../../test/fixtures/xades/xades-test-kit';
import { createTestCertificate, isValidNip, isValidPesel, TestCertificateInputError } from './test-certificate';

const OPENSSL = hasTool('openssl');
const NOW = new Date('2026-05-01T12:00:00Z');

function opensslSubject(der: Buffer): string {
  const temp = tempDir();
  try {
    const result = runTool('openssl', ['x509', '-noout', '-subject', '-in', temp.file('cert.pem', new X509Certificate(der).toString())]);
    expect(result.status).toBe(0);
    return result.output;
  } finally {
    temp.cleanup();
  }
}

describe('NIP and PESEL checksums', () => {
  it('accepts valid and rejects invalid numbers', () => {
    expect(isValidNip('5265877635')).toBe(true);
    expect(isValidNip('7352765225')).toBe(true);
    expect(isValidNip('5265877636')).toBe(false);
    expect(isValidNip('526587763')).toBe(false);
    expect(isValidPesel('44051401359')).toBe(true);
    expect(isValidPesel('44051401358')).toBe(false);
    expect(isValidPesel('44131401359')).toBe(false); // month 13 does not exist
  });
});

describe('createTestCertificate', () => {
  it('builds a person certificate with TINPL- serialNumber, RSA-2048, validity now−61 min … +2 years', async () => {
    const { certificateDer, privateKeyPkcs8Der } = await createTestCertificate(
      { kind: 'person', nip: '5265877635', givenName: 'Jan', surname: 'Kowalski', commonName: 'Jan Kowalski' },
      'rsa',
      NOW,
    );
    const certificate = new X509Certificate(certificateDer);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(certificate.validFrom).getTime()).toBe(NOW.getTime() - 61 * 60_000);
    expect(new Date(certificate.validTo).toISOString()).toBe('2028-05-01T12:00:00.000Z');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(privateKeyPkcs8Der.length).toBeGreaterThan(1000);

    const parsed = new x509.X509Certificate(certificateDer);
    const keyUsage = parsed.getExtension(x509.KeyUsagesExtension);
    expect(keyUsage?.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    expect(parsed.subjectName.getField('2.5.4.5')).toEqual(['TINPL-5265877635']);
    expect(parsed.subjectName.getField('2.5.4.42')).toEqual(['Jan']);
    expect(parsed.subjectName.getField('2.5.4.4')).toEqual(['Kowalski']);
    expect(parsed.subjectName.getField('2.5.4.6')).toEqual(['PL']);
  });

  it.skipIf(!OPENSSL)(`person with PESEL on EC P-256 parses with openssl${skipNote(OPENSSL, 'openssl not installed')}`, async () => {
    const { certificateDer } = await createTestCertificate(
      { kind: 'person', pesel: '44051401359', givenName: 'Zażółć', surname: 'Gęślą', commonName: 'Zażółć Gęślą' },
      'ec',
    );
    expect(new X509Certificate(certificateDer).publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const subject = opensslSubject(certificateDer);
    expect(subject).toContain('serialNumber = PNOPL-44051401359');
    expect(subject).toContain('C = PL');
  });

  it.skipIf(!OPENSSL)(`seal carries organizationIdentifier VATPL-<NIP>${skipNote(OPENSSL, 'openssl not installed')}`, async () => {
    const { certificateDer } = await createTestCertificate(
      { kind: 'seal', nip: '7352765225', organizationName: 'Firma Testowa sp. z o.o.', commonName: 'Firma Testowa' },
      'ec',
    );
    const subject = opensslSubject(certificateDer);
    expect(subject).toContain('organizationIdentifier = VATPL-7352765225');
    expect(subject).toContain('O = Firma Testowa sp. z o.o.');
    expect(subject).not.toContain('GN =');
  });

  it.skipIf(!OPENSSL)(`person with NIP shows TINPL- in openssl output${skipNote(OPENSSL, 'openssl not installed')}`, async () => {
    const { certificateDer } = await createTestCertificate(
      { kind: 'person', nip: '5265877635', givenName: 'Jan', surname: 'Kowalski', commonName: 'Jan Kowalski' },
      'ec',
    );
    expect(opensslSubject(certificateDer)).toMatch(/GN = Jan, SN = Kowalski, serialNumber = TINPL-5265877635, CN = Jan Kowalski, C = PL/);
  });

  it('throws typed errors on bad input', async () => {
    const person = { kind: 'person' as const, givenName: 'Jan', surname: 'K', commonName: 'Jan K' };
    await expect(createTestCertificate({ ...person, nip: '1234567890' }, 'ec')).rejects.toMatchObject({ code: 'INVALID_NIP' });
    await expect(createTestCertificate({ ...person, pesel: '44051401358' }, 'ec')).rejects.toMatchObject({ code: 'INVALID_PESEL' });
    await expect(createTestCertificate(person, 'ec')).rejects.toBeInstanceOf(TestCertificateInputError);
    await expect(createTestCertificate({ kind: 'seal', nip: '12', organizationName: 'X', commonName: 'X' }, 'rsa')).rejects.toMatchObject({
      code: 'INVALID_NIP',
    });
    await expect(createTestCertificate({ ...person, nip: '5265877635', surname: ' ' }, 'ec')).rejects.toMatchObject({ code: 'EMPTY_NAME' });
  });
});
