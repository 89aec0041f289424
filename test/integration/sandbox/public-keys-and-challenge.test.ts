import 'reflect-metadata';
import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { CHALLENGE_PATTERN } from '../../../electron/sandbox/ids/reference-number';
import { crc8Hex } from '../../../electron/sandbox/ids/crc8';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { call, callChecked } from '../../helpers/sandbox-http';
import type { PublicKeyCertificate } from '../../helpers/sandbox-auth';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found (KSEF_SCHEMA_DIR or ../shared/ksef): skipping sandbox HTTP tests');

describe.skipIf(!pack)('sandbox: public keys, challenge, error shapes', () => {
  let sandbox: RunningSandbox;
  const clock = new FakeClock('2026-03-02T08:15:30.123Z');
  const lines: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ clock, log: (l) => lines.push(l) });
  });
  afterAll(() => sandbox.close());

  it('logs one startup line with address, limits and validation mode', () => {
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(sandbox.baseUrl);
    expect(lines[0]).toContain('rate limits on');
    expect(lines[0]).toContain('invoice validation: official FA(3) XSD (in-process libxml2/WebAssembly) from the bundled schema');
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
  });

  it('publishes one SymmetricKeyEncryption and one KsefTokenEncryption RSA-2048 certificate issued by the sandbox CA', async () => {
    const response = await callChecked(sandbox.baseUrl, 'GET', '/security/public-key-certificates', '/security/public-key-certificates');
    expect(response.status).toBe(200);
    const keys = response.body as PublicKeyCertificate[];
    expect(keys.map((k) => k.usage).sort()).toEqual([['KsefTokenEncryption'], ['SymmetricKeyEncryption']]);
    const ca = new X509Certificate(sandbox.deps.crypto.ca.der);
    for (const key of keys) {
      const der = Buffer.from(key.certificate, 'base64');
      const certificate = new X509Certificate(der);
      expect(certificate.publicKey.asymmetricKeyType).toBe('rsa');
      expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(certificate.verify(ca.publicKey)).toBe(true);
      expect(key.certificateId).toBe(createHash('sha256').update(der).digest('base64'));
      const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
      expect(key.publicKeyId).toBe(createHash('sha256').update(spki).digest('base64'));
      expect(new Date(key.validFrom).getTime()).toBeLessThan(clock.now().getTime());
      expect(new Date(key.validTo).getTime()).toBeGreaterThan(clock.now().getTime());
    }
  });

  it('issues a challenge in the official format with the clock time and client IP', async () => {
    const response = await callChecked(sandbox.baseUrl, 'POST', '/auth/challenge', '/auth/challenge');
    expect(response.status).toBe(200);
    const body = response.body as { challenge: string; timestamp: string; timestampMs: number; clientIp: string };
    expect(body.challenge).toMatch(CHALLENGE_PATTERN);
    expect(body.challenge.startsWith('20260302-CR-')).toBe(true);
    expect(body.challenge.slice(34)).toBe(crc8Hex(body.challenge.slice(0, 33)));
    expect(body.timestamp).toBe('2026-03-02T08:15:30.1230000+00:00');
    expect(body.timestampMs).toBe(clock.now().getTime());
    expect(body.clientIp).toBe('127.0.0.1');
  });

  it('answers unknown auth operations with ExceptionResponse or problem details, as asked', async () => {
    const exception = await call(sandbox.baseUrl, 'POST', '/auth/ksef-token', { body: { challenge: 'x' } });
    expect(exception.status).toBe(400);
    expect(exception.contentType).toContain('application/json');
    const detailList = (exception.body as { exception: { exceptionDetailList: { exceptionCode: number }[] } }).exception.exceptionDetailList;
    expect(detailList[0]?.exceptionCode).toBe(21405);
    const problem = await callChecked(sandbox.baseUrl, 'POST', '/auth/ksef-token', '/auth/ksef-token', {
      body: { challenge: 'x' },
      headers: { 'x-error-format': 'problem-details' },
    });
    expect(problem.status).toBe(400);
    expect(problem.contentType).toContain('application/problem+json');
    expect((problem.body as { errors: { code: number }[] }).errors[0]?.code).toBe(21405);
  });

  it('400 ExceptionResponse matches the spec schema', async () => {
    const response = await callChecked(sandbox.baseUrl, 'POST', '/auth/ksef-token', '/auth/ksef-token', { rawBody: '{not json' });
    expect(response.status).toBe(400);
  });

  it('401 problem+json without a bearer token', async () => {
    const response = await callChecked(sandbox.baseUrl, 'GET', '/auth/sessions', '/auth/sessions');
    expect(response.status).toBe(401);
    expect(response.contentType).toContain('application/problem+json');
  });

  it('404 outside the API and for unknown paths', async () => {
    expect((await call(sandbox.baseUrl.replace('/v2', ''), 'GET', '/api/v2/auth/challenge')).status).toBe(404);
    expect((await call(sandbox.baseUrl, 'GET', '/no/such/endpoint')).status).toBe(404);
    expect((await call(sandbox.baseUrl, 'DELETE', '/security/public-key-certificates')).status).toBe(405);
  });
});
