import 'reflect-metadata';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { ksefTokens } from '../../../electron/sandbox/state/core-slices';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { call, callChecked } from '../../helpers/sandbox-http';
import {
  authStatus,
  ksefTokenAuthBody,
  loginWithKsefToken,
  newChallenge,
  redeem,
  seedKsefToken,
  startKsefTokenAuth,
} from '../../helpers/sandbox-auth';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping KSeF-token auth tests');

const CONTEXT = { type: 'Nip', value: '5265877635' } as const;

function exceptionCode(body: unknown): number | undefined {
  return (body as { exception?: { exceptionDetailList?: { exceptionCode: number }[] } }).exception?.exceptionDetailList?.[0]?.exceptionCode;
}

describe.skipIf(!pack)('sandbox: KSeF-token authentication', () => {
  let sandbox: RunningSandbox;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  beforeAll(async () => {
    sandbox = await startSandbox({ clock, limits: 'off' });
  });
  afterAll(() => sandbox.close());

  it('happy path: challenge → encrypted token → 202 → status 200 → redeem → JWTs with context and permissions', async () => {
    const token = seedKsefToken(sandbox, CONTEXT, ['InvoiceRead', 'InvoiceWrite']);
    const start = await startKsefTokenAuth(sandbox.baseUrl, await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT));
    expect(start.referenceNumber).toMatch(/^\d{8}-AU-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/);
    const status = await authStatus(sandbox.baseUrl, start);
    expect(status.status).toEqual({ code: 200, description: 'Uwierzytelnianie zakończone sukcesem' });
    expect(status.authenticationMethod).toBe('Token');
    expect(status.isTokenRedeemed).toBe(false);

    const tokens = await redeem(sandbox.baseUrl, start);
    const access = decodeJwt(tokens.accessToken.token);
    expect(access).toMatchObject({
      'token-type': 'ContextToken',
      'context-identifier-type': 'Nip',
      'context-identifier-value': CONTEXT.value,
      'authentication-method': 'Token',
      permissions: ['InvoiceRead', 'InvoiceWrite'],
    });
    expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(900);
    const refresh = decodeJwt(tokens.refreshToken.token);
    expect((refresh.exp ?? 0) - (refresh.iat ?? 0)).toBe(7 * 24 * 3600);
    expect((await authStatus(sandbox.baseUrl, start)).isTokenRedeemed).toBe(true);
  });

  it('redeeming twice → 400 21301', async () => {
    const { start } = await loginWithKsefToken(sandbox, CONTEXT);
    const second = await callChecked(sandbox.baseUrl, 'POST', '/auth/token/redeem', '/auth/token/redeem', { bearer: start.authenticationToken.token });
    expect(second.status).toBe(400);
    expect(exceptionCode(second.body)).toBe(21301);
  });

  it('a timestamp other than the challenge one ends with 450 "Nieprawidłowy czas tokena" and cannot be redeemed', async () => {
    const token = seedKsefToken(sandbox, CONTEXT);
    const body = await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT, clock.now().getTime() - 1);
    const start = await startKsefTokenAuth(sandbox.baseUrl, body);
    const status = await authStatus(sandbox.baseUrl, start);
    expect(status.status.code).toBe(450);
    expect(status.status.details).toEqual(['Nieprawidłowy czas tokena']);
    const redeemed = await callChecked(sandbox.baseUrl, 'POST', '/auth/token/redeem', '/auth/token/redeem', { bearer: start.authenticationToken.token });
    expect(exceptionCode(redeemed.body)).toBe(21301);
  });

  it('a revoked token ends with 450 "Token unieważniony"', async () => {
    const token = seedKsefToken(sandbox, CONTEXT);
    ksefTokens(sandbox.deps.store)[token.referenceNumber]!.status = 'Revoked';
    const start = await startKsefTokenAuth(sandbox.baseUrl, await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT));
    expect((await authStatus(sandbox.baseUrl, start)).status).toMatchObject({ code: 450, details: ['Token unieważniony'] });
  });

  it('a token for another context ends with 450', async () => {
    const token = seedKsefToken(sandbox, { type: 'Nip', value: '7762811692' });
    const start = await startKsefTokenAuth(sandbox.baseUrl, await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT));
    expect((await authStatus(sandbox.baseUrl, start)).status.code).toBe(450);
  });

  it('a stale challenge (older than 10 minutes) → 400 21111', async () => {
    const token = seedKsefToken(sandbox, CONTEXT);
    const body = await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT);
    clock.advance(10 * 60_000 + 1);
    const response = await callChecked(sandbox.baseUrl, 'POST', '/auth/ksef-token', '/auth/ksef-token', { body });
    expect(response.status).toBe(400);
    expect(exceptionCode(response.body)).toBe(21111);
  });

  it('a reused challenge → 400 21111', async () => {
    const token = seedKsefToken(sandbox, CONTEXT);
    const body = await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT);
    await startKsefTokenAuth(sandbox.baseUrl, body);
    const again = await callChecked(sandbox.baseUrl, 'POST', '/auth/ksef-token', '/auth/ksef-token', { body });
    expect(exceptionCode(again.body)).toBe(21111);
  });

  it('an unknown publicKeyId → 400 21470', async () => {
    const token = seedKsefToken(sandbox, CONTEXT);
    const body = { ...(await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT)), publicKeyId: Buffer.alloc(32, 7).toString('base64') };
    const response = await callChecked(sandbox.baseUrl, 'POST', '/auth/ksef-token', '/auth/ksef-token', { body });
    expect(exceptionCode(response.body)).toBe(21470);
  });

  it('GET /auth/{ref} with a forged or foreign token → 401 / 400 21304', async () => {
    const { start } = await loginWithKsefToken(sandbox, CONTEXT);
    const forged = await callChecked(sandbox.baseUrl, 'GET', `/auth/${start.referenceNumber}`, '/auth/{referenceNumber}', { bearer: `${start.authenticationToken.token}x` });
    expect(forged.status).toBe(401);
    const other = await loginWithKsefToken(sandbox, CONTEXT);
    const foreign = await callChecked(sandbox.baseUrl, 'GET', `/auth/${other.start.referenceNumber}`, '/auth/{referenceNumber}', { bearer: start.authenticationToken.token });
    expect(exceptionCode(foreign.body)).toBe(21304);
  });

  it('the authentication token expires after 45 minutes', async () => {
    const token = seedKsefToken(sandbox, CONTEXT);
    const start = await startKsefTokenAuth(sandbox.baseUrl, await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT));
    clock.advance(45 * 60_000 + 1000);
    const expired = await callChecked(sandbox.baseUrl, 'POST', '/auth/token/redeem', '/auth/token/redeem', { bearer: start.authenticationToken.token });
    expect(expired.status).toBe(401);
  });

  it('refresh issues a new access token; after revoking the session the refresh token dies but the access token lives on', async () => {
    const tokens = await loginWithKsefToken(sandbox, CONTEXT);
    clock.advance(20 * 60_000); // the first access token has expired by now
    const refreshed = await callChecked(sandbox.baseUrl, 'POST', '/auth/token/refresh', '/auth/token/refresh', { bearer: tokens.refreshToken.token });
    expect(refreshed.status).toBe(200);
    const access = (refreshed.body as { accessToken: { token: string } }).accessToken.token;
    expect((await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions', '/auth/sessions', { bearer: tokens.accessToken.token })).status).toBe(401);

    const sessions = await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions', '/auth/sessions', { bearer: access });
    const items = (sessions.body as { items: { referenceNumber: string; isCurrent: boolean; lastTokenRefreshDate?: string }[] }).items;
    const current = items.find((i) => i.isCurrent);
    expect(current?.referenceNumber).toBe(tokens.start.referenceNumber);
    expect(current?.lastTokenRefreshDate).toBeDefined();

    const revoke = await callChecked(sandbox.baseUrl, 'DELETE', '/auth/sessions/current', '/auth/sessions/current', { bearer: access });
    expect(revoke.status).toBe(204);
    const dead = await callChecked(sandbox.baseUrl, 'POST', '/auth/token/refresh', '/auth/token/refresh', { bearer: tokens.refreshToken.token });
    expect(dead.status).toBe(400);
    expect(exceptionCode(dead.body)).toBe(21301);
    const stillValid = await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions', '/auth/sessions', { bearer: access });
    expect(stillValid.status).toBe(200);
    expect((stillValid.body as { items: { referenceNumber: string }[] }).items.map((i) => i.referenceNumber)).not.toContain(tokens.start.referenceNumber);
  });

  it('lists sessions page by page and revokes another session by reference', async () => {
    const context = { type: 'Nip', value: '7762811692' } as const;
    const logins = [];
    for (let i = 0; i < 12; i++) {
      logins.push(await loginWithKsefToken(sandbox, context));
      clock.advance(1000);
    }
    const mine = logins[11]!;
    const first = await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions?pageSize=10', '/auth/sessions', { bearer: mine.accessToken.token });
    const page1 = first.body as { items: { referenceNumber: string }[]; continuationToken: string | null };
    expect(page1.items).toHaveLength(10);
    expect(page1.items[0]?.referenceNumber).toBe(mine.start.referenceNumber);
    expect(page1.continuationToken).toBeTruthy();
    const second = await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions?pageSize=10', '/auth/sessions', {
      bearer: mine.accessToken.token,
      headers: { 'x-continuation-token': page1.continuationToken ?? '' },
    });
    const page2 = second.body as { items: { referenceNumber: string }[]; continuationToken?: string | null };
    expect(page2.items).toHaveLength(2);
    expect(page2.continuationToken ?? null).toBeNull();

    const bad = await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions', '/auth/sessions', { bearer: mine.accessToken.token, headers: { 'x-continuation-token': 'garbage' } });
    expect(exceptionCode(bad.body)).toBe(21418);

    const victim = logins[0]!;
    const revoke = await callChecked(sandbox.baseUrl, 'DELETE', `/auth/sessions/${victim.start.referenceNumber}`, '/auth/sessions/{referenceNumber}', { bearer: mine.accessToken.token });
    expect(revoke.status).toBe(204);
    const refresh = await call(sandbox.baseUrl, 'POST', '/auth/token/refresh', { bearer: victim.refreshToken.token });
    expect(exceptionCode(refresh.body)).toBe(21301);
  });

  it('enforces the IP policy given at authentication: 403 ip-not-allowed', async () => {
    const token = seedKsefToken(sandbox, CONTEXT);
    const body = {
      ...(await ksefTokenAuthBody(sandbox.baseUrl, token.token, CONTEXT)),
      authorizationPolicy: { allowedIps: { ip4Addresses: ['10.1.2.3'], ip4Ranges: [], ip4Masks: [] } },
    };
    const start = await startKsefTokenAuth(sandbox.baseUrl, body);
    const tokens = await redeem(sandbox.baseUrl, start);
    const response = await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions', '/auth/sessions', { bearer: tokens.accessToken.token });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ reasonCode: 'ip-not-allowed', security: { clientIp: '127.0.0.1' } });
  });

  it('challenges from the clock are fresh again after time moves on', async () => {
    const challenge = await newChallenge(sandbox.baseUrl);
    expect(challenge.timestampMs).toBe(clock.now().getTime());
  });
});
