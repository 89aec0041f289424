import 'reflect-metadata';
import { KeyObject, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { x509 } from '../../../electron/sandbox/crypto/x509-provider';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { seedKsefToken } from '../../helpers/sandbox-auth';
import {
  api,
  COMPANY_A,
  COMPANY_B,
  exceptionCode,
  personCertificate,
  pollUntilDone,
  tokenAuthenticate,
  xadesAuthenticate,
  xadesLogin,
  type SigningCertificate,
} from './credentials-support';

const OIDS: Record<string, string> = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  givenName: '2.5.4.42',
  organizationIdentifier: '2.5.4.97',
};

type KeyKind = 'ec' | 'rsa2048' | 'rsa1024';
const ALGORITHMS = {
  ec: { key: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
  rsa2048: { key: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
  rsa1024: { key: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
} as const;

/** A CSR as a client builds it from GET /certificates/enrollments/data (name = exactly those attributes). */
async function buildCsr(data: Record<string, string>, kind: KeyKind, reuse?: webcrypto.CryptoKeyPair): Promise<{ csr: string; key: KeyObject; keys: webcrypto.CryptoKeyPair }> {
  const keys = reuse ?? ((await webcrypto.subtle.generateKey(ALGORITHMS[kind].key, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair);
  const name = Object.entries(data)
    .filter(([field]) => OIDS[field])
    .map(([field, value]) => ({ [OIDS[field]!]: [value] }));
  const request = await x509.Pkcs10CertificateRequestGenerator.create({
    name,
    keys: keys as unknown as Parameters<typeof x509.Pkcs10CertificateRequestGenerator.create>[0]['keys'],
    signingAlgorithm: ALGORITHMS[kind].sign,
  });
  return { csr: Buffer.from(request.rawData).toString('base64'), key: KeyObject.from(keys.privateKey), keys };
}

describe('sandbox: KSeF certificate enrollment', () => {
  let sandbox: RunningSandbox;
  let owner: SigningCertificate;
  let access: string;
  let enrollmentData: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
    owner = await personCertificate({ nip: COMPANY_A });
    access = await xadesLogin(sandbox, owner, COMPANY_A);
    const data = await api(sandbox, access, 'GET', '/certificates/enrollments/data', '/certificates/enrollments/data');
    expect(data.status).toBe(200);
    enrollmentData = data.body as Record<string, string>;
  });
  afterAll(() => sandbox.close());

  async function enroll(csr: string, certificateType: 'Authentication' | 'Offline', bearer = access) {
    return api(sandbox, bearer, 'POST', '/certificates/enrollments', '/certificates/enrollments', {
      body: { certificateName: `Certyfikat ${certificateType}`, certificateType, csr },
    });
  }

  async function enrollAndIssue(kind: KeyKind, certificateType: 'Authentication' | 'Offline'): Promise<{ serial: string; certificate: SigningCertificate }> {
    const { csr, key } = await buildCsr(enrollmentData, kind);
    const accepted = await enroll(csr, certificateType);
    expect(accepted.status).toBe(202);
    const { referenceNumber } = accepted.body as { referenceNumber: string };
    const template = '/certificates/enrollments/{referenceNumber}';
    const status = await pollUntilDone(async () => (await api(sandbox, access, 'GET', `/certificates/enrollments/${referenceNumber}`, template)).body as { status: { code: number }; certificateSerialNumber?: string });
    expect(status.status.code).toBe(200);
    const serial = status.certificateSerialNumber!;
    const retrieved = await api(sandbox, access, 'POST', '/certificates/retrieve', '/certificates/retrieve', { body: { certificateSerialNumbers: [serial] } });
    const [item] = (retrieved.body as { certificates: { certificate: string; certificateType: string }[] }).certificates;
    expect(item?.certificateType).toBe(certificateType);
    return { serial, certificate: { der: Buffer.from(item!.certificate, 'base64'), key } };
  }

  it('enrollment data repeats the login certificate subject', () => {
    expect(enrollmentData).toMatchObject({ commonName: 'Jan Kowalski', countryName: 'PL', givenName: 'Jan', surname: 'Kowalski', serialNumber: `TINPL-${COMPANY_A}` });
  });

  it('EC P-256: the issued Authentication certificate logs in with XAdES', async () => {
    const { certificate } = await enrollAndIssue('ec', 'Authentication');
    const login = await xadesAuthenticate(sandbox, certificate, COMPANY_A);
    expect(login.code).toBe(200);
    expect(login.authenticationMethod).toBe('InternalCertificate');
  });

  it('RSA-2048: issued, logs in, and after revoke the login is refused (460)', async () => {
    const { serial, certificate } = await enrollAndIssue('rsa2048', 'Authentication');
    expect((await xadesAuthenticate(sandbox, certificate, COMPANY_A)).code).toBe(200);
    const revoke = await api(sandbox, access, 'POST', `/certificates/${serial}/revoke`, '/certificates/{certificateSerialNumber}/revoke', { body: { revocationReason: 'KeyCompromise' } });
    expect(revoke.status).toBe(204);
    expect((await xadesAuthenticate(sandbox, certificate, COMPANY_A)).code).toBe(460);
    const again = await api(sandbox, access, 'POST', `/certificates/${serial}/revoke`, '/certificates/{certificateSerialNumber}/revoke', { body: {} });
    expect(exceptionCode(again)).toBe(25009);
    const query = await api(sandbox, access, 'POST', '/certificates/query?pageSize=10&pageOffset=0', '/certificates/query', { body: { status: 'Revoked' } });
    const rows = (query.body as { certificates: { certificateSerialNumber: string; subjectIdentifier: unknown }[] }).certificates;
    expect(rows.map((r) => r.certificateSerialNumber)).toEqual([serial]);
    expect(rows[0]?.subjectIdentifier).toEqual({ type: 'Nip', value: COMPANY_A });
  });

  it('an Offline certificate cannot log in', async () => {
    const { certificate } = await enrollAndIssue('ec', 'Offline');
    expect((await xadesAuthenticate(sandbox, certificate, COMPANY_A)).code).toBe(460);
  });

  it('lists own certificates newest first and reports limits', async () => {
    const query = await api(sandbox, access, 'POST', '/certificates/query', '/certificates/query', { body: {} });
    const rows = (query.body as { certificates: { requestDate: string }[]; hasMore: boolean }).certificates;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect([...rows].sort((a, b) => b.requestDate.localeCompare(a.requestDate))).toEqual(rows);
    const limits = await api(sandbox, access, 'GET', '/certificates/limits', '/certificates/limits');
    expect(limits.body).toMatchObject({ canRequest: true, enrollment: { limit: 300 }, certificate: { limit: 100 } });
    expect((limits.body as { enrollment: { remaining: number } }).enrollment.remaining).toBeLessThan(300);
  });

  it('rejects a CSR whose subject differs from the enrollment data (25003)', async () => {
    const { csr } = await buildCsr({ ...enrollmentData, commonName: 'Ktoś Inny' }, 'ec');
    expect(exceptionCode(await enroll(csr, 'Authentication'))).toBe(25003);
  });

  it('rejects an RSA-1024 key (25010)', async () => {
    const { csr } = await buildCsr(enrollmentData, 'rsa1024');
    expect(exceptionCode(await enroll(csr, 'Authentication'))).toBe(25010);
  });

  it('rejects a tampered CSR (25004)', async () => {
    const { csr } = await buildCsr(enrollmentData, 'ec');
    const der = Buffer.from(csr, 'base64');
    // Flip one bit inside the signed subject name: the structure parses, the signature no longer matches.
    const at = der.indexOf(Buffer.from('Kowalski'));
    der[at] = der[at]! ^ 0x01;
    expect(exceptionCode(await enroll(der.toString('base64'), 'Authentication'))).toBe(25004);
    expect(exceptionCode(await enroll(Buffer.from('not a csr').toString('base64'), 'Authentication'))).toBe(25004);
  });

  it('refuses enrollment data and enrollment after a KSeF-token login (25001/25002)', async () => {
    const token = seedKsefToken(sandbox, { type: 'Nip', value: COMPANY_A }, ['InvoiceRead']);
    const login = await tokenAuthenticate(sandbox, token.token, COMPANY_A);
    const bearer = login.tokens!.accessToken.token;
    expect(exceptionCode(await api(sandbox, bearer, 'GET', '/certificates/enrollments/data', '/certificates/enrollments/data'))).toBe(25001);
    const { csr } = await buildCsr(enrollmentData, 'ec');
    expect(exceptionCode(await enroll(csr, 'Authentication', bearer))).toBe(25002);
  });

  it('a public key certified for one subject is refused for another (status 400)', async () => {
    const first = await buildCsr(enrollmentData, 'ec');
    const accepted = await enroll(first.csr, 'Authentication');
    const template = '/certificates/enrollments/{referenceNumber}';
    const firstRef = (accepted.body as { referenceNumber: string }).referenceNumber;
    await pollUntilDone(async () => (await api(sandbox, access, 'GET', `/certificates/enrollments/${firstRef}`, template)).body as { status: { code: number } });

    const otherAccess = await xadesLogin(sandbox, await personCertificate({ nip: COMPANY_B }), COMPANY_B);
    const otherData = (await api(sandbox, otherAccess, 'GET', '/certificates/enrollments/data', '/certificates/enrollments/data')).body as Record<string, string>;
    const second = await buildCsr(otherData, 'ec', first.keys);
    const refused = await enroll(second.csr, 'Authentication', otherAccess);
    expect(refused.status).toBe(202);
    const ref = (refused.body as { referenceNumber: string }).referenceNumber;
    const status = await pollUntilDone(async () => (await api(sandbox, otherAccess, 'GET', `/certificates/enrollments/${ref}`, template)).body as { status: { code: number; details?: string[] } });
    expect(status.status.code).toBe(400);
    expect(status.status.details).toEqual(['Klucz publiczny został już certyfikowany przez inny podmiot.']);
  });

  it('unknown enrollment reference → 25005', async () => {
    const response = await api(sandbox, access, 'GET', '/certificates/enrollments/20260101-EH-0000000000-0000000000-00', '/certificates/enrollments/{referenceNumber}');
    expect(exceptionCode(response)).toBe(25005);
  });
});
