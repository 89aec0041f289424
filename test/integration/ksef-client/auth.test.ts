import 'reflect-metadata';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { toAppError } from '../../../electron/services/ksef/app-errors';
import { KsefTokensApi } from '../../../electron/services/ksef/api/tokens';
import { KsefAuthError, KsefSessionExpiredError } from '../../../electron/services/ksef/http/errors';
import { seedKsefToken } from '../../helpers/sandbox-auth';
import { countEvents, loginWithNewCertificate, OTHER_NIP, OWNER_NIP, sandboxHas, startHarness, type Harness } from './harness';

describe('KSeF client against the sandbox: authentication', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
    expect(harness?.specViolations ?? []).toEqual([]);
  });

  it('XAdES login with an RSA person certificate (TINPL) makes the owner; the access token works', async () => {
    harness = await startHarness();
    const session = await loginWithNewCertificate(harness, { keyType: 'rsa', kind: 'person' });
    expect(session.context).toEqual({ type: 'Nip', value: OWNER_NIP });
    expect(decodeJwt(session.snapshot().accessToken)['context-identifier-value']).toBe(OWNER_NIP);
    const sessions = await session.listAuthSessions();
    expect(sessions.items.find((item) => item.isCurrent)?.referenceNumber).toBe(session.authReferenceNumber);
  });

  it('XAdES login with an EC seal certificate (VATPL)', async () => {
    harness = await startHarness();
    const session = await loginWithNewCertificate(harness, { keyType: 'ec', kind: 'seal' });
    expect((await session.listAuthSessions()).items.length).toBeGreaterThan(0);
  });

  it('a certificate without rights in the context ends with auth status 415 as a typed error', async () => {
    harness = await startHarness();
    const error = await loginWithNewCertificate(harness, { nip: OTHER_NIP, context: { type: 'Nip', value: OWNER_NIP } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KsefAuthError);
    expect((error as KsefAuthError).statusCode).toBe(415);
    const appError = toAppError(error);
    expect(appError.code).toBe('UNAUTHORIZED');
    expect(appError.details).toContain('auth-status:415');
  });

  it('KSeF-token login: token made through the API when the sandbox has it, else seeded', async () => {
    harness = await startHarness();
    const context = { type: 'Nip', value: OWNER_NIP } as const;
    let token: string;
    if (await sandboxHas(harness, 'POST', '/tokens')) {
      const owner = await loginWithNewCertificate(harness);
      const tokens = new KsefTokensApi(owner, { time: harness.time });
      const created = await tokens.generate({ permissions: ['InvoiceRead', 'InvoiceWrite'], description: 'ksef-client test token' });
      expect((await tokens.waitUntilActive(created.referenceNumber)).status).toBe('Active');
      token = created.token;
    } else {
      token = seedKsefToken(harness.sandbox, context).token;
    }
    const session = await harness.client.auth.loginWithKsefToken({ context, token });
    const claims = decodeJwt(session.snapshot().accessToken);
    expect(claims.permissions).toEqual(expect.arrayContaining(['InvoiceRead', 'InvoiceWrite']));
    expect((await session.listAuthSessions()).items.some((i) => i.referenceNumber === session.authReferenceNumber)).toBe(true);
  });

  it('refreshes automatically shortly before the access token expires', async () => {
    harness = await startHarness();
    const session = await loginWithNewCertificate(harness);
    const before = session.snapshot();
    harness.clock!.advance(before.accessTokenValidUntil.getTime() - harness.time.now() - 30_000);
    await session.listAuthSessions();
    const after = session.snapshot();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.accessTokenValidUntil.getTime()).toBeGreaterThan(before.accessTokenValidUntil.getTime());
    expect(after.refreshToken).toBe(before.refreshToken);
  });

  it('an explicit refresh gives a working token; a 401 triggers exactly one refresh and a repeat', async () => {
    harness = await startHarness();
    const session = await loginWithNewCertificate(harness);
    await session.refresh();
    expect((await session.listAuthSessions()).items.length).toBeGreaterThan(0);
    // A token KSeF no longer accepts although it looks valid locally.
    const stale = harness.client.resumeSession({ ...session.snapshot(), accessToken: 'not-a-valid-token' });
    const refreshesBefore = countEvents(harness.events, 'attempt', 'POST /auth/token/refresh');
    expect((await stale.listAuthSessions()).items.length).toBeGreaterThan(0);
    expect(countEvents(harness.events, 'attempt', 'POST /auth/token/refresh') - refreshesBefore).toBe(1);
    expect(stale.snapshot().accessToken).not.toBe('not-a-valid-token');
  });

  it('after logout the refresh token is unusable and the session is closed', async () => {
    harness = await startHarness();
    const session = await loginWithNewCertificate(harness);
    const snapshot = session.snapshot();
    await session.logout();
    expect(session.isClosed).toBe(true);
    await expect(session.listAuthSessions()).rejects.toBeInstanceOf(KsefSessionExpiredError);
    const error = await harness.client.resumeSession(snapshot).refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KsefSessionExpiredError);
    expect(toAppError(error).code).toBe('NOT_SIGNED_IN');
  });

  it('revokes another authentication session of the context', async () => {
    harness = await startHarness();
    const first = await loginWithNewCertificate(harness);
    const second = await loginWithNewCertificate(harness);
    const listed = await first.listAuthSessions();
    expect(listed.items.map((i) => i.referenceNumber)).toEqual(expect.arrayContaining([first.authReferenceNumber, second.authReferenceNumber]));
    await first.revokeAuthSession(second.authReferenceNumber);
    await expect(second.refresh()).rejects.toBeInstanceOf(KsefSessionExpiredError);
    expect((await first.listAuthSessions()).items.map((i) => i.referenceNumber)).not.toContain(second.authReferenceNumber);
  });
});
