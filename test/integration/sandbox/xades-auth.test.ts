import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../../electron/sandbox/crypto/issue-certificate';
import { recordIssuedCertificate, revokeIssuedCertificate } from '../../../electron/sandbox/crypto/issued-certificates';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { expectRequestMatchesSpec } from '../../helpers/openapi-checks';
import { authStatus, newChallenge, redeem, type AuthStart } from '../../helpers/sandbox-auth';
import { callChecked } from '../../helpers/sandbox-http';
import { selfSignedCertificate, type TestCertificate } from '../../helpers/test-certificates';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const signerPath = join(repoRoot, 'electron', 'services', 'signing', 'xades-sign.ts');
const requestBuilderPath = join(repoRoot, 'electron', 'services', 'signing', 'auth-token-request.ts');
const canSign = existsSync(signerPath) && existsSync(requestBuilderPath);
const pack = ksefPackDir();
if (!canSign) console.warn('electron/services/signing/xades-sign.ts not present: skipping sandbox XAdES login tests');
if (!pack) console.warn('KSeF reference pack not found: skipping sandbox XAdES login tests');

type Sign = (xml: string, key: TestCertificate['privateKey'], certificateDer: Buffer, options?: { signingTime?: Date }) => string;
type BuildRequest = (input: {
  challenge: string;
  contextIdentifier: { type: 'Nip'; value: string };
  subjectIdentifierType: 'certificateSubject' | 'certificateFingerprint';
}) => string;

const NIP = '5265877635';
const OTHER_NIP = '7762811692';
const DAY = 86_400_000;

describe.skipIf(!canSign || !pack)('sandbox: XAdES login (identity, trust, entitlement)', () => {
  let sandbox: RunningSandbox;
  let sign: Sign;
  let buildRequest: BuildRequest;
  const clock = new FakeClock('2026-04-01T09:00:00.000Z');
  const now = () => clock.now();

  beforeAll(async () => {
    sign = ((await import(pathToFileURL(signerPath).href)) as { signXadesEnveloped: Sign }).signXadesEnveloped;
    buildRequest = ((await import(pathToFileURL(requestBuilderPath).href)) as { buildAuthTokenRequestXml: BuildRequest }).buildAuthTokenRequestXml;
    sandbox = await startSandbox({ clock, limits: 'off' });
  });
  afterAll(() => sandbox.close());

  async function login(cert: TestCertificate, context: string, subjectIdentifierType: 'certificateSubject' | 'certificateFingerprint' = 'certificateSubject', query = '') {
    const challenge = await newChallenge(sandbox.baseUrl);
    const xml = buildRequest({ challenge: challenge.challenge, contextIdentifier: { type: 'Nip', value: context }, subjectIdentifierType });
    const signed = sign(xml, cert.privateKey, cert.der, { signingTime: new Date(now().getTime() - 60_000) });
    const response = await callChecked(sandbox.baseUrl, 'POST', `/auth/xades-signature${query}`, '/auth/xades-signature', {
      rawBody: signed,
      headers: { 'content-type': 'application/xml' },
    });
    return { response, signed };
  }

  async function loginStatus(cert: TestCertificate, context: string, type?: 'certificateSubject' | 'certificateFingerprint') {
    const { response } = await login(cert, context, type);
    expect(response.status).toBe(202);
    const start = response.body as AuthStart;
    return { start, status: await authStatus(sandbox.baseUrl, start) };
  }

  const person = (serial: string) => selfSignedCertificate(`2.5.4.42=Jan, 2.5.4.4=Kowalski, 2.5.4.5=${serial}, 2.5.4.3=Jan Kowalski, 2.5.4.6=PL`, new Date(now().getTime() - 3_660_000), new Date(now().getTime() + 730 * DAY));

  it('happy path: a self-signed TINPL certificate of the context NIP is its owner', async () => {
    const { start, status } = await loginStatus(await person(`TINPL-${NIP}`), NIP);
    expect(status.status.code).toBe(200);
    expect(status.authenticationMethod).toBe('QualifiedSignature');
    const tokens = await redeem(sandbox.baseUrl, start);
    const claims = decodeJwt(tokens.accessToken.token);
    expect(claims['context-identifier-value']).toBe(NIP);
    expect(claims.permissions).toEqual(expect.arrayContaining(['InvoiceWrite', 'InvoiceRead', 'CredentialsManage']));
    expect(JSON.parse(String(claims['subject-details']))).toEqual({ SubjectIdentifier: { Type: 'Nip', Value: NIP } });
  });

  it('a seal (organizationIdentifier VATPL-…) logs in as QualifiedSeal', async () => {
    const seal = await selfSignedCertificate(`2.5.4.10=Firma, 2.5.4.97=VATPL-${NIP}, 2.5.4.3=Firma, 2.5.4.6=PL`, new Date(now().getTime() - DAY), new Date(now().getTime() + DAY));
    const { status } = await loginStatus(seal, NIP);
    expect(status.status.code).toBe(200);
    expect(status.authenticationMethodInfo).toEqual({ category: 'XadesSignature', code: 'xades.qualified-seal', displayName: 'Pieczęć kwalifikowana' });
  });

  it('another NIP without permissions ends with 415; after /testdata/permissions it gets exactly the granted ones', async () => {
    const stranger = await person(`TINPL-${OTHER_NIP}`);
    expect((await loginStatus(stranger, NIP)).status.status.code).toBe(415);
    const grant = {
      contextIdentifier: { type: 'Nip', value: NIP },
      authorizedIdentifier: { type: 'Nip', value: OTHER_NIP },
      permissions: [{ permissionType: 'InvoiceRead', description: 'biuro rachunkowe' }],
    };
    expectRequestMatchesSpec('POST', '/testdata/permissions', grant);
    expect((await callChecked(sandbox.baseUrl, 'POST', '/testdata/permissions', '/testdata/permissions', { body: grant })).status).toBe(200);
    const { start, status } = await loginStatus(stranger, NIP);
    expect(status.status.code).toBe(200);
    expect(decodeJwt((await redeem(sandbox.baseUrl, start)).accessToken.token).permissions).toEqual(['InvoiceRead']);
  });

  it('a PESEL linked to the NIP through /testdata/person is an owner', async () => {
    const pesel = '90010112345';
    const personRequest = { nip: NIP, pesel, isBailiff: false, description: 'właściciel' };
    expectRequestMatchesSpec('POST', '/testdata/person', personRequest);
    expect((await callChecked(sandbox.baseUrl, 'POST', '/testdata/person', '/testdata/person', { body: personRequest })).status).toBe(200);
    const again = await callChecked(sandbox.baseUrl, 'POST', '/testdata/person', '/testdata/person', { body: personRequest });
    expect(again.status).toBe(400);
    expect((await loginStatus(await person(`PNOPL-${pesel}`), NIP)).status.status.code).toBe(200);
  });

  it('certificateFingerprint uses the SHA-256 fingerprint as identity', async () => {
    const foreign = await selfSignedCertificate('2.5.4.3=Foreign Signer, 2.5.4.6=DE', new Date(now().getTime() - DAY), new Date(now().getTime() + DAY));
    expect((await loginStatus(foreign, NIP, 'certificateFingerprint')).status.status.code).toBe(415);
    const { createHash } = await import('node:crypto');
    const fingerprint = createHash('sha256').update(foreign.der).digest('hex').toUpperCase();
    await callChecked(sandbox.baseUrl, 'POST', '/testdata/permissions', '/testdata/permissions', {
      body: { contextIdentifier: { type: 'Nip', value: NIP }, authorizedIdentifier: { type: 'Fingerprint', value: fingerprint }, permissions: [{ permissionType: 'InvoiceWrite', description: 'x' }] },
    });
    expect((await loginStatus(foreign, NIP, 'certificateFingerprint')).status.status.code).toBe(200);
  });

  it('an expired certificate ends with 460; verifyCertificateChain=true rejects self-signed', async () => {
    const expired = await selfSignedCertificate(`2.5.4.5=TINPL-${NIP}, 2.5.4.3=Old, 2.5.4.6=PL`, new Date(now().getTime() - 3 * DAY), new Date(now().getTime() - DAY));
    const { status } = await loginStatus(expired, NIP);
    expect(status.status).toMatchObject({ code: 460, details: ['Nieważny certyfikat'] });
    const { response } = await login(await person(`TINPL-${NIP}`), NIP, 'certificateSubject', '?verifyCertificateChain=true');
    expect((await authStatus(sandbox.baseUrl, response.body as AuthStart)).status.code).toBe(460);
  });

  it('sandbox-issued KSeF certificates: Authentication logs in, Offline and revoked ones end with 460', async () => {
    const issue = async (type: 'Authentication' | 'Offline') => {
      const key = await person(`TINPL-${NIP}`);
      const issued = await issueCertificate(sandbox.deps.crypto.ca, {
        spkiDer: key.spkiDer,
        subject: `2.5.4.3=Jan Kowalski, 2.5.4.5=TINPL-${NIP}, 2.5.4.6=PL`,
        type,
        validFrom: new Date(now().getTime() - DAY),
        validTo: new Date(now().getTime() + 365 * DAY),
      });
      expect(issued.serialNumber).toMatch(/^[0-9A-F]{16}$/);
      recordIssuedCertificate(sandbox.deps.store, issued, type);
      return { cert: { ...key, der: issued.der }, serial: issued.serialNumber };
    };
    const auth = await issue('Authentication');
    const ok = await loginStatus(auth.cert, NIP);
    expect(ok.status.status.code).toBe(200);
    expect(ok.status.authenticationMethod).toBe('InternalCertificate');

    const offline = await issue('Offline');
    expect((await loginStatus(offline.cert, NIP)).status.status.code).toBe(460);

    revokeIssuedCertificate(sandbox.deps.store, auth.serial, 'test', now());
    expect((await loginStatus(auth.cert, NIP)).status.status).toMatchObject({ code: 460, details: ['Certyfikat odwołany'] });
  });

  it('re-sending the same signed document → 400 21111 (challenge already used)', async () => {
    const { signed } = await login(await person(`TINPL-${NIP}`), NIP);
    const again = await callChecked(sandbox.baseUrl, 'POST', '/auth/xades-signature', '/auth/xades-signature', { rawBody: signed, headers: { 'content-type': 'application/xml' } });
    expect(again.status).toBe(400);
    expect((again.body as { exception: { exceptionDetailList: { exceptionCode: number }[] } }).exception.exceptionDetailList[0]?.exceptionCode).toBe(21111);
  });
});
