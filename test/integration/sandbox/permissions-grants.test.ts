import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import {
  api,
  BOOKKEEPER_PESEL,
  COMPANY_A,
  COMPANY_B,
  EMPLOYEE_PESEL,
  exceptionCode,
  permissionsOf,
  personCertificate,
  pollUntilDone,
  xadesAuthenticate,
  xadesLogin,
  type SigningCertificate,
} from './credentials-support';

const personDetails = { subjectDetailsType: 'PersonByIdentifier', personById: { firstName: 'Anna', lastName: 'Nowak' } };

interface PermissionItem {
  id: string;
  permissionScope: string;
  authorizedIdentifier?: { type: string; value: string };
  canDelegate: boolean;
}

describe('sandbox: permissions (grants, queries, revoke, effect on login)', () => {
  let sandbox: RunningSandbox;
  let ownerA: SigningCertificate;
  let ownerB: SigningCertificate;
  let bookkeeper: SigningCertificate;
  let employee: SigningCertificate;
  let accessA: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
    [ownerA, ownerB, bookkeeper, employee] = await Promise.all([
      personCertificate({ nip: COMPANY_A }),
      personCertificate({ nip: COMPANY_B }),
      personCertificate({ pesel: BOOKKEEPER_PESEL }),
      personCertificate({ pesel: EMPLOYEE_PESEL }),
    ]);
    accessA = await xadesLogin(sandbox, ownerA, COMPANY_A);
  });
  afterAll(() => sandbox.close());

  async function operationStatus(bearer: string, accepted: { status: number; body: unknown }): Promise<number> {
    expect(accepted.status).toBe(202);
    const { referenceNumber } = accepted.body as { referenceNumber: string };
    const done = await pollUntilDone(async () => {
      const response = await api(sandbox, bearer, 'GET', `/permissions/operations/${referenceNumber}`, '/permissions/operations/{referenceNumber}');
      return response.body as { status: { code: number } };
    });
    return done.status.code;
  }

  async function query(bearer: string, path: string, body: unknown): Promise<PermissionItem[]> {
    const response = await api(sandbox, bearer, 'POST', `${path}?pageSize=10&pageOffset=0`, path, { body });
    expect(response.status).toBe(200);
    return (response.body as { permissions: PermissionItem[] }).permissions;
  }

  it('bookkeeper flow: grant InvoiceRead → login with exactly that → revoke → 415', async () => {
    expect((await xadesAuthenticate(sandbox, bookkeeper, COMPANY_A)).code).toBe(415);

    const grant = await api(sandbox, accessA, 'POST', '/permissions/persons/grants', '/permissions/persons/grants', {
      body: { subjectIdentifier: { type: 'Pesel', value: BOOKKEEPER_PESEL }, permissions: ['InvoiceRead'], description: 'Biuro rachunkowe', subjectDetails: personDetails },
    });
    expect(await operationStatus(accessA, grant)).toBe(200);

    const bookkeeperAccess = await xadesLogin(sandbox, bookkeeper, COMPANY_A);
    expect(permissionsOf(bookkeeperAccess)).toEqual(['InvoiceRead']);
    // Permission-gated endpoints: CredentialsRead is missing (403), and a token cannot carry InvoiceWrite (26001).
    const forbidden = await api(sandbox, bookkeeperAccess, 'POST', '/permissions/query/persons/grants', '/permissions/query/persons/grants', { body: { queryType: 'PermissionsInCurrentContext' } });
    expect(forbidden.status).toBe(403);
    const tokenWithWrite = await api(sandbox, bookkeeperAccess, 'POST', '/tokens', '/tokens', { body: { permissions: ['InvoiceWrite'], description: 'Próba zapisu' } });
    expect(exceptionCode(tokenWithWrite)).toBe(26001);
    const personal = await query(bookkeeperAccess, '/permissions/query/personal/grants', {});
    expect(personal.map((p) => p.permissionScope)).toEqual(['InvoiceRead']);

    const granted = await query(accessA, '/permissions/query/persons/grants', { queryType: 'PermissionsGrantedInCurrentContext' });
    const item = granted.find((p) => p.authorizedIdentifier?.value === BOOKKEEPER_PESEL);
    expect(item?.permissionScope).toBe('InvoiceRead');
    const revoke = await api(sandbox, accessA, 'DELETE', `/permissions/common/grants/${item!.id}`, '/permissions/common/grants/{permissionId}');
    expect(await operationStatus(accessA, revoke)).toBe(200);
    expect((await xadesAuthenticate(sandbox, bookkeeper, COMPANY_A)).code).toBe(415);
  });

  it('entity grant with canDelegate + indirect grant: the intermediary employee logs in to the client', async () => {
    const entityGrant = await api(sandbox, accessA, 'POST', '/permissions/entities/grants', '/permissions/entities/grants', {
      body: { subjectIdentifier: { type: 'Nip', value: COMPANY_B }, permissions: [{ type: 'InvoiceRead', canDelegate: true }], description: 'Obsługa księgowa', subjectDetails: { fullName: 'Biuro B sp. z o.o.' } },
    });
    expect(await operationStatus(accessA, entityGrant)).toBe(200);

    const accessB = await xadesLogin(sandbox, ownerB, COMPANY_B);
    const received = await query(accessB, '/permissions/query/entities/grants', {});
    expect(received).toEqual([expect.objectContaining({ permissionScope: 'InvoiceRead', canDelegate: true, contextIdentifier: { type: 'Nip', value: COMPANY_A } })]);

    // Decision (UNCONFIRMED in KSeF docs): the entity's own NIP may log in to the granter's context.
    const entityItself = await xadesLogin(sandbox, ownerB, COMPANY_A);
    expect(permissionsOf(entityItself)).toEqual(['InvoiceRead']);

    const indirect = await api(sandbox, accessB, 'POST', '/permissions/indirect/grants', '/permissions/indirect/grants', {
      body: {
        subjectIdentifier: { type: 'Pesel', value: EMPLOYEE_PESEL },
        targetIdentifier: { type: 'Nip', value: COMPANY_A },
        permissions: ['InvoiceRead'],
        description: 'Pracownik biura dla klienta A',
        subjectDetails: personDetails,
      },
    });
    expect(await operationStatus(accessB, indirect)).toBe(200);
    expect(permissionsOf(await xadesLogin(sandbox, employee, COMPANY_A))).toEqual(['InvoiceRead']);
    // The grant does not open the intermediary's own context.
    expect((await xadesAuthenticate(sandbox, employee, COMPANY_B)).code).toBe(415);

    // InvoiceWrite was never delegated to B, so B cannot pass it on selectively (440).
    const notDelegated = await api(sandbox, accessB, 'POST', '/permissions/indirect/grants', '/permissions/indirect/grants', {
      body: { subjectIdentifier: { type: 'Pesel', value: EMPLOYEE_PESEL }, targetIdentifier: { type: 'Nip', value: COMPANY_A }, permissions: ['InvoiceWrite'], description: 'Bez delegacji', subjectDetails: personDetails },
    });
    expect(await operationStatus(accessB, notDelegated)).toBe(440);

    // When the client withdraws its entity grant, the derived indirect access disappears too.
    const inContextA = await query(accessA, '/permissions/query/persons/grants', { queryType: 'PermissionsInCurrentContext' });
    const entityItem = inContextA.find((p) => p.authorizedIdentifier?.value === COMPANY_B);
    const revoke = await api(sandbox, accessA, 'DELETE', `/permissions/common/grants/${entityItem!.id}`, '/permissions/common/grants/{permissionId}');
    expect(await operationStatus(accessA, revoke)).toBe(200);
    expect((await xadesAuthenticate(sandbox, employee, COMPANY_A)).code).toBe(415);
  });

  it('general (AllPartners) indirect grant follows every delegating client', async () => {
    const accessB = await xadesLogin(sandbox, ownerB, COMPANY_B);
    const general = await api(sandbox, accessB, 'POST', '/permissions/indirect/grants', '/permissions/indirect/grants', {
      body: { subjectIdentifier: { type: 'Pesel', value: EMPLOYEE_PESEL }, targetIdentifier: { type: 'AllPartners' }, permissions: ['InvoiceWrite'], description: 'Wszyscy klienci', subjectDetails: personDetails },
    });
    expect(await operationStatus(accessB, general)).toBe(200);
    expect((await xadesAuthenticate(sandbox, employee, COMPANY_A)).code).toBe(415);
    const entityGrant = await api(sandbox, accessA, 'POST', '/permissions/entities/grants', '/permissions/entities/grants', {
      body: { subjectIdentifier: { type: 'Nip', value: COMPANY_B }, permissions: [{ type: 'InvoiceWrite', canDelegate: true }], description: 'Wystawianie faktur', subjectDetails: { fullName: 'Biuro B sp. z o.o.' } },
    });
    expect(await operationStatus(accessA, entityGrant)).toBe(200);
    expect(permissionsOf(await xadesLogin(sandbox, employee, COMPANY_A))).toEqual(['InvoiceWrite']);
  });

  it('validates subjectDetails against the identifier type and reports attachment status', async () => {
    const mismatch = await api(sandbox, accessA, 'POST', '/permissions/persons/grants', '/permissions/persons/grants', {
      body: { subjectIdentifier: { type: 'Fingerprint', value: 'A'.repeat(64) }, permissions: ['InvoiceRead'], description: 'Odcisk palca', subjectDetails: personDetails },
    });
    expect(exceptionCode(mismatch)).toBe(21405);
    const attachments = await api(sandbox, accessA, 'GET', '/permissions/attachments/status', '/permissions/attachments/status');
    expect(attachments.body).toEqual({ isAttachmentAllowed: false });
  });
});
