import { constants, publicEncrypt, X509Certificate } from 'node:crypto';
import { expect } from 'vitest';
import { createKsefToken } from '../../electron/sandbox/auth/ksef-token-store';
import type { RunningSandbox } from '../../electron/sandbox/index';
import type { ContextIdentifier, KsefTokenRecord, SubjectIdentity, TokenPermission } from '../../electron/sandbox/state/types';
import { expectRequestMatchesSpec } from './openapi-checks';
import { callChecked } from './sandbox-http';

export interface PublicKeyCertificate {
  certificate: string;
  certificateId: string;
  publicKeyId: string;
  validFrom: string;
  validTo: string;
  usage: string[];
}

export interface Challenge {
  challenge: string;
  timestamp: string;
  timestampMs: number;
  clientIp: string;
}

export async function publicKeyFor(baseUrl: string, usage: 'KsefTokenEncryption' | 'SymmetricKeyEncryption'): Promise<PublicKeyCertificate> {
  const response = await callChecked(baseUrl, 'GET', '/security/public-key-certificates', '/security/public-key-certificates');
  const key = (response.body as PublicKeyCertificate[]).find((k) => k.usage.includes(usage));
  if (!key) throw new Error(`no ${usage} key published`);
  return key;
}

/** RSA-OAEP SHA-256 with the published certificate, as a client does. */
export function encryptWithCertificate(certificateBase64: string, plaintext: string | Buffer): string {
  const certificate = new X509Certificate(Buffer.from(certificateBase64, 'base64'));
  return publicEncrypt({ key: certificate.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(plaintext)).toString('base64');
}

export async function newChallenge(baseUrl: string): Promise<Challenge> {
  const response = await callChecked(baseUrl, 'POST', '/auth/challenge', '/auth/challenge');
  expect(response.status).toBe(200);
  return response.body as Challenge;
}

/** Seeds an Active KSeF token straight into sandbox state (the tokens API is another module). */
export function seedKsefToken(
  sandbox: RunningSandbox,
  context: ContextIdentifier,
  permissions: TokenPermission[] = ['InvoiceRead', 'InvoiceWrite'],
  author: SubjectIdentity = { type: 'Nip', value: context.value },
): KsefTokenRecord {
  return createKsefToken(sandbox.deps.store, { context, author, permissions, description: 'test token' }, sandbox.deps.clock.now());
}

export interface KsefTokenAuthBody {
  challenge: string;
  contextIdentifier: ContextIdentifier;
  encryptedToken: string;
  publicKeyId?: string;
  authorizationPolicy?: { allowedIps: { ip4Addresses: string[]; ip4Ranges: string[]; ip4Masks: string[] } };
}

export async function ksefTokenAuthBody(baseUrl: string, token: string, context: ContextIdentifier, timestampOverride?: number): Promise<KsefTokenAuthBody> {
  const key = await publicKeyFor(baseUrl, 'KsefTokenEncryption');
  const challenge = await newChallenge(baseUrl);
  const body = {
    challenge: challenge.challenge,
    contextIdentifier: context,
    encryptedToken: encryptWithCertificate(key.certificate, `${token}|${timestampOverride ?? challenge.timestampMs}`),
    publicKeyId: key.publicKeyId,
  };
  expectRequestMatchesSpec('POST', '/auth/ksef-token', body);
  return body;
}

export interface AuthStart {
  referenceNumber: string;
  authenticationToken: { token: string; validUntil: string };
}

export async function startKsefTokenAuth(baseUrl: string, body: KsefTokenAuthBody): Promise<AuthStart> {
  const response = await callChecked(baseUrl, 'POST', '/auth/ksef-token', '/auth/ksef-token', { body });
  expect(response.status).toBe(202);
  return response.body as AuthStart;
}

export async function authStatus(baseUrl: string, start: AuthStart): Promise<{ status: { code: number; description: string; details?: string[] } } & Record<string, unknown>> {
  const response = await callChecked(baseUrl, 'GET', `/auth/${start.referenceNumber}`, '/auth/{referenceNumber}', { bearer: start.authenticationToken.token });
  expect(response.status).toBe(200);
  return response.body as { status: { code: number; description: string } };
}

export interface Tokens {
  accessToken: { token: string; validUntil: string };
  refreshToken: { token: string; validUntil: string };
}

export async function redeem(baseUrl: string, start: AuthStart): Promise<Tokens> {
  const response = await callChecked(baseUrl, 'POST', '/auth/token/redeem', '/auth/token/redeem', { bearer: start.authenticationToken.token });
  expect(response.status).toBe(200);
  return response.body as Tokens;
}

/** The whole KSeF-token login: challenge → encrypt → submit → status 200 → redeem. */
export async function loginWithKsefToken(sandbox: RunningSandbox, context: ContextIdentifier, permissions?: TokenPermission[]): Promise<Tokens & { start: AuthStart }> {
  const token = seedKsefToken(sandbox, context, permissions);
  const start = await startKsefTokenAuth(sandbox.baseUrl, await ksefTokenAuthBody(sandbox.baseUrl, token.token, context));
  expect((await authStatus(sandbox.baseUrl, start)).status.code).toBe(200);
  return { ...(await redeem(sandbox.baseUrl, start)), start };
}
