import 'reflect-metadata';
import { createPrivateKey } from 'node:crypto';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { KsefCertificatesApi } from '../../../electron/services/ksef/api/certificates';
import { KsefPermissionsApi } from '../../../electron/services/ksef/api/permissions';
import { KsefTokensApi } from '../../../electron/services/ksef/api/tokens';
import { toAppError } from '../../../electron/services/ksef/app-errors';
import { createXadesSigner } from '../../../electron/services/ksef/auth/xades-signer';
import { enrollCertificate } from '../../../electron/services/ksef/enrollment/enroll-certificate';
import { KsefAuthError } from '../../../electron/services/ksef/http/errors';
import { loginWithNewCertificate, OTHER_NIP, OWNER_NIP, sandboxHas, startHarness, type Harness } from './harness';

const OWNER = { type: 'Nip', value: OWNER_NIP } as const;

describe('KSeF client against the sandbox: certificates, tokens, permissions', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
    expect(harness?.specViolations ?? []).toEqual([]);
  });

  async function requireEndpoints(ctx: TestContext, endpoints: Array<[string, string]>) {
    harness = await startHarness();
    for (const [method, path] of endpoints) {
      if (!(await sandboxHas(harness, method, path))) ctx.skip(`sandbox has no ${method} ${path} yet`);
    }
  }

  it('enrolls a KSeF Authentication certificate, logs in with it, finds, retrieves and revokes it', async (ctx) => {
    await requireEndpoints(ctx, [
      ['GET', '/certificates/enrollments/data'],
      ['POST', '/certificates/query'],
      ['POST', '/certificates/retrieve'],
    ]);
    const owner = await loginWithNewCertificate(harness);
    const certificates = new KsefCertificatesApi(owner);
    expect((await certificates.limits()).canRequest).toBe(true);

    const enrolled = await enrollCertificate(owner, { type: 'Authentication', name: 'Desk test cert', keyType: 'ec' }, { time: harness.time });
    expect(enrolled.serialNumber).toMatch(/^[0-9A-F]{16}$/);
    expect(enrolled.type).toBe('Authentication');

    const key = createPrivateKey({ key: enrolled.privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });
    const viaKsefCert = await harness.client.auth.loginWithCertificate({
      context: OWNER,
      subjectIdentifierType: 'certificateSubject',
      signer: createXadesSigner(enrolled.certificateDer, key, harness.time),
    });
    expect(viaKsefCert.context).toEqual(OWNER);

    const found = await certificates.query({ certificateSerialNumber: enrolled.serialNumber });
    expect(found.certificates.map((c) => [c.certificateSerialNumber, c.status])).toEqual([[enrolled.serialNumber, 'Active']]);
    const [retrieved] = await certificates.retrieve([enrolled.serialNumber]);
    expect(retrieved?.certificateDer.equals(enrolled.certificateDer)).toBe(true);

    await certificates.revoke(enrolled.serialNumber, 'Superseded');
    expect((await certificates.query({ certificateSerialNumber: enrolled.serialNumber })).certificates[0]?.status).not.toBe('Active');
    const refused = await harness.client.auth
      .loginWithCertificate({ context: OWNER, subjectIdentifierType: 'certificateSubject', signer: createXadesSigner(enrolled.certificateDer, key, harness.time) })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KsefAuthError);
    expect((refused as KsefAuthError).statusCode).toBe(460);
  });

  it('an RSA Offline certificate can be enrolled too', async (ctx) => {
    await requireEndpoints(ctx, [['GET', '/certificates/enrollments/data']]);
    const owner = await loginWithNewCertificate(harness, { keyType: 'ec', kind: 'seal' });
    const enrolled = await enrollCertificate(owner, { type: 'Offline', name: 'Desk offline cert', keyType: 'rsa' }, { time: harness.time });
    expect(enrolled.type).toBe('Offline');
  });

  it('tokens: generate, list, get, revoke; a revoked token no longer logs in', async (ctx) => {
    await requireEndpoints(ctx, [['POST', '/tokens'], ['GET', '/tokens']]);
    const owner = await loginWithNewCertificate(harness);
    const tokens = new KsefTokensApi(owner, { time: harness.time });
    const created = await tokens.generate({ permissions: ['InvoiceRead'], description: 'Desk token for tests' });
    await tokens.waitUntilActive(created.referenceNumber);
    const listed = await tokens.list({ statuses: ['Active'] });
    expect(listed.tokens.map((t) => t.referenceNumber)).toContain(created.referenceNumber);

    const viaToken = await harness.client.auth.loginWithKsefToken({ context: OWNER, token: created.token });
    // Enrollment data needs a certificate login: KSeF answers 25001 after a token login.
    if (await sandboxHas(harness, 'GET', '/certificates/enrollments/data')) {
      const rejected = await new KsefCertificatesApi(viaToken).enrollmentData().catch((e: unknown) => e);
      expect(toAppError(rejected)).toMatchObject({ code: 'KSEF_REJECTED' });
      expect(toAppError(rejected).details).toContain('ksef:25001');
    }

    await tokens.revoke(created.referenceNumber);
    expect(['Revoking', 'Revoked']).toContain((await tokens.get(created.referenceNumber)).status);
    const refused = await harness.client.auth.loginWithKsefToken({ context: OWNER, token: created.token }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KsefAuthError);
    expect((refused as KsefAuthError).statusCode).toBe(450);
  });

  it('permissions: grant to a person, who can then log in; query both ways; revoke', async (ctx) => {
    await requireEndpoints(ctx, [
      ['POST', '/permissions/persons/grants'],
      ['POST', '/permissions/query/persons/grants'],
      ['POST', '/permissions/query/personal/grants'],
    ]);
    const owner = await loginWithNewCertificate(harness);
    const permissions = new KsefPermissionsApi(owner, { time: harness.time });
    const grant = await permissions.grantToPerson({
      subjectIdentifier: { type: 'Nip', value: OTHER_NIP },
      permissions: ['InvoiceRead'],
      description: 'Księgowa: odczyt faktur',
      subjectDetails: { subjectDetailsType: 'PersonByIdentifier', personById: { firstName: 'Anna', lastName: 'Nowak' } },
    });
    expect((await permissions.waitForOperation(grant.referenceNumber)).code).toBe(200);

    const granted = await permissions.queryPersonGrants({ queryType: 'PermissionsGrantedInCurrentContext' }, { pageSize: 10 });
    const item = granted.permissions.find((p) => p.authorizedIdentifier?.value === OTHER_NIP && p.permissionScope === 'InvoiceRead');
    expect(item).toBeDefined();

    const employee = await loginWithNewCertificate(harness, { nip: OTHER_NIP, context: OWNER });
    const mine = await new KsefPermissionsApi(employee).queryPersonalGrants({}, { pageSize: 10 });
    expect(mine.permissions.some((p) => p.permissionScope === 'InvoiceRead')).toBe(true);

    const revocation = await permissions.revokeCommonGrant(item!.id);
    expect((await permissions.waitForOperation(revocation.referenceNumber)).code).toBe(200);
  });

  it('permissions: entity grant to an accounting firm', async (ctx) => {
    await requireEndpoints(ctx, [['POST', '/permissions/entities/grants']]);
    const owner = await loginWithNewCertificate(harness);
    const permissions = new KsefPermissionsApi(owner, { time: harness.time });
    const grant = await permissions.grantToEntity({
      subjectIdentifier: { type: 'Nip', value: OTHER_NIP },
      permissions: [{ type: 'InvoiceRead', canDelegate: true }],
      description: 'Biuro rachunkowe',
      subjectDetails: { fullName: 'Biuro Rachunkowe Sp. z o.o.' },
    });
    expect((await permissions.waitForOperation(grant.referenceNumber)).code).toBe(200);
  });
});
