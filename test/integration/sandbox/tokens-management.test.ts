import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { api, COMPANY_A, exceptionCode, permissionsOf, personCertificate, tokenAuthenticate, xadesLogin } from './credentials-support';

interface TokenItem {
  referenceNumber: string;
  status: string;
  requestedPermissions: string[];
}

describe('sandbox: KSeF tokens management', () => {
  let sandbox: RunningSandbox;
  let owner: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
    owner = await xadesLogin(sandbox, await personCertificate({ nip: COMPANY_A }), COMPANY_A);
  });
  afterAll(() => sandbox.close());

  async function generate(permissions: string[], bearer = owner, description = 'Token do testów') {
    return api(sandbox, bearer, 'POST', '/tokens', '/tokens', { body: { permissions, description } });
  }

  async function tokenStatus(referenceNumber: string, bearer = owner): Promise<TokenItem> {
    return (await api(sandbox, bearer, 'GET', `/tokens/${referenceNumber}`, '/tokens/{referenceNumber}')).body as TokenItem;
  }

  async function waitForStatus(referenceNumber: string, status: string): Promise<void> {
    for (let attempt = 0; attempt < 50 && (await tokenStatus(referenceNumber)).status !== status; attempt++) await new Promise((r) => setTimeout(r, 20));
    expect((await tokenStatus(referenceNumber)).status).toBe(status);
  }

  it('create → Active → login with it → revoke → login fails with 450', async () => {
    const created = await generate(['InvoiceRead']);
    expect(created.status).toBe(202);
    const { referenceNumber, token } = created.body as { referenceNumber: string; token: string };
    await waitForStatus(referenceNumber, 'Active');

    const login = await tokenAuthenticate(sandbox, token, COMPANY_A);
    expect(login.code).toBe(200);
    expect(permissionsOf(login.tokens!.accessToken.token)).toEqual(['InvoiceRead']);

    // Without CredentialsManage/Read, a token login sees only the token it used.
    const own = await api(sandbox, login.tokens!.accessToken.token, 'GET', '/tokens', '/tokens');
    expect((own.body as { tokens: TokenItem[] }).tokens.map((t) => t.referenceNumber)).toEqual([referenceNumber]);

    expect((await api(sandbox, owner, 'DELETE', `/tokens/${referenceNumber}`, '/tokens/{referenceNumber}')).status).toBe(204);
    await waitForStatus(referenceNumber, 'Revoked');
    expect((await tokenAuthenticate(sandbox, token, COMPANY_A)).code).toBe(450);
  });

  it('refuses permissions the caller does not hold (26001)', async () => {
    const created = await generate(['InvoiceRead']);
    const { referenceNumber, token } = created.body as { referenceNumber: string; token: string };
    await waitForStatus(referenceNumber, 'Active');
    const bearer = (await tokenAuthenticate(sandbox, token, COMPANY_A)).tokens!.accessToken.token;
    const refused = await generate(['InvoiceRead', 'InvoiceWrite'], bearer);
    expect(refused.status).toBe(400);
    expect(exceptionCode(refused)).toBe(26001);
  });

  it('validates the description (5–256)', async () => {
    expect(exceptionCode(await generate(['InvoiceRead'], owner, 'abc'))).toBe(21405);
  });

  it('lists the whole context with continuation paging, newest first, with filters', async () => {
    for (let i = 0; i < 11; i++) expect((await generate(['InvoiceWrite'], owner, `Seria tokenów ${i}`)).status).toBe(202);
    const first = await api(sandbox, owner, 'GET', '/tokens?pageSize=10&description=Seria', '/tokens');
    const firstPage = first.body as { tokens: TokenItem[]; continuationToken?: string };
    expect(firstPage.tokens).toHaveLength(10);
    expect(firstPage.continuationToken).toBeTruthy();
    const second = await api(sandbox, owner, 'GET', '/tokens?pageSize=10&description=Seria', '/tokens', { headers: { 'x-continuation-token': firstPage.continuationToken! } });
    const secondPage = second.body as { tokens: TokenItem[]; continuationToken?: string };
    expect(secondPage.tokens).toHaveLength(1);
    expect(secondPage.continuationToken).toBeUndefined();

    const revoked = await api(sandbox, owner, 'GET', '/tokens?status=Revoked', '/tokens');
    expect((revoked.body as { tokens: TokenItem[] }).tokens.every((t) => t.status === 'Revoked')).toBe(true);
    const bad = await api(sandbox, owner, 'GET', '/tokens', '/tokens', { headers: { 'x-continuation-token': 'garbage' } });
    expect(exceptionCode(bad)).toBe(21418);
  });
});
