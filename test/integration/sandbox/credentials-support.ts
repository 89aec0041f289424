import { createPrivateKey, type KeyObject } from 'node:crypto';
import { decodeJwt } from 'jose';
import { expect } from 'vitest';
import type { RunningSandbox } from '../../../electron/sandbox/index';
import { buildAuthTokenRequestXml } from '../../../electron/services/signing/auth-token-request';
import { signXadesEnveloped } from '../../../electron/services/signing/xades-sign';
import { createTestCertificate, type TestCertificateSubject } from '../../../electron/services/certificates/test-certificate';
import { authStatus, ksefTokenAuthBody, newChallenge, redeem, startKsefTokenAuth, type AuthStart, type Tokens } from '../../helpers/sandbox-auth';
import { callChecked, type ApiResponse, type CallOptions } from '../../helpers/sandbox-http';

/** Valid identifiers (checksums hold) used across the credential tests. */
export const COMPANY_A = '5265877635';
export const COMPANY_B = '7762811692';
export const BOOKKEEPER_PESEL = '85011512342';
export const EMPLOYEE_PESEL = '90022011111';

export interface SigningCertificate {
  der: Buffer;
  key: KeyObject;
}

export async function personCertificate(identifier: { nip: string } | { pesel: string }, keyType: 'ec' | 'rsa' = 'ec'): Promise<SigningCertificate> {
  const subject: TestCertificateSubject = { kind: 'person', givenName: 'Jan', surname: 'Kowalski', commonName: 'Jan Kowalski', ...identifier };
  const made = await createTestCertificate(subject, keyType);
  return { der: made.certificateDer, key: createPrivateKey({ key: made.privateKeyPkcs8Der, format: 'der', type: 'pkcs8' }) };
}

export interface LoginOutcome {
  start: AuthStart;
  code: number;
  authenticationMethod: unknown;
}

/** XAdES login up to the final status (no redeem). */
export async function xadesAuthenticate(sandbox: RunningSandbox, certificate: SigningCertificate, contextNip: string): Promise<LoginOutcome> {
  const challenge = await newChallenge(sandbox.baseUrl);
  const xml = buildAuthTokenRequestXml({ challenge: challenge.challenge, contextIdentifier: { type: 'Nip', value: contextNip }, subjectIdentifierType: 'certificateSubject' });
  const signed = signXadesEnveloped(xml, certificate.key, certificate.der, { signingTime: new Date(Date.now() - 60_000) });
  const response = await callChecked(sandbox.baseUrl, 'POST', '/auth/xades-signature', '/auth/xades-signature', {
    rawBody: signed,
    headers: { 'content-type': 'application/xml' },
  });
  expect(response.status).toBe(202);
  const start = response.body as AuthStart;
  const status = await authStatus(sandbox.baseUrl, start);
  return { start, code: status.status.code, authenticationMethod: status.authenticationMethod };
}

/** XAdES login that must succeed; returns the access token. */
export async function xadesLogin(sandbox: RunningSandbox, certificate: SigningCertificate, contextNip: string): Promise<string> {
  const outcome = await xadesAuthenticate(sandbox, certificate, contextNip);
  expect(outcome.code).toBe(200);
  return (await redeem(sandbox.baseUrl, outcome.start)).accessToken.token;
}

/** KSeF-token login up to the final status; redeems when it succeeded. */
export async function tokenAuthenticate(sandbox: RunningSandbox, token: string, contextNip: string): Promise<{ code: number; tokens?: Tokens }> {
  const start = await startKsefTokenAuth(sandbox.baseUrl, await ksefTokenAuthBody(sandbox.baseUrl, token, { type: 'Nip', value: contextNip }));
  const code = (await authStatus(sandbox.baseUrl, start)).status.code;
  return code === 200 ? { code, tokens: await redeem(sandbox.baseUrl, start) } : { code };
}

export function permissionsOf(accessToken: string): string[] {
  return decodeJwt(accessToken).permissions as string[];
}

/** A spec-checked call with a bearer token. */
export function api(sandbox: RunningSandbox, bearer: string, method: string, path: string, template: string, options: CallOptions = {}): Promise<ApiResponse> {
  return callChecked(sandbox.baseUrl, method, path, template, { ...options, bearer });
}

export function exceptionCode(response: ApiResponse): number | undefined {
  const body = response.body as { exception?: { exceptionDetailList?: { exceptionCode: number }[] } };
  return body.exception?.exceptionDetailList?.[0]?.exceptionCode;
}

/** Polls an asynchronous status until it leaves 100 (the sandbox finishes right after the 202). */
export async function pollUntilDone<T extends { status: { code: number } }>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const current = await read();
    if (current.status.code !== 100) return current;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('status stayed at 100');
}
