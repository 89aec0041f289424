import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERSON_NIP } from '../services/certificates/testing/openssl-fixtures';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { runCli } from './program';
import { captureOutput } from '../../test/helpers/capture-output';


/** ksef-desk cert ksef-list|limits|revoke against a sandbox started in this process, reached through --base-url. */
describe('ksef-desk cert ksef-list, limits and revoke', () => {
  let sandbox: RunningSandbox;
  let base: string[];

  /** One CLI run; returns the exit code and what it printed. */
  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = captureOutput();
    try {
      const code = await runCli([...base, ...args]);
      return { code, out: io.out(), err: io.err() };
    } finally {
      vi.restoreAllMocks();
    }
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
    const work = mkdtempSync(path.join(os.tmpdir(), 'cli-ksef-certs-'));
    writeFileSync(path.join(work, 'passphrase'), 'correct horse battery\n');
    base = ['--profile', path.join(work, 'profile'), '--base-url', sandbox.baseUrl, '--passphrase-file', path.join(work, 'passphrase')];
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  afterEach(() => vi.restoreAllMocks());

  it('enroll → ksef-list --json → limits → revoke → listed Revoked, stored copy refused for sign-in', async () => {
    const created = JSON.parse((await run(['--json', 'cert', 'test-create', '--nip', PERSON_NIP])).out) as { id: string };
    const session = ['--nip', PERSON_NIP, '--cert', created.id];
    const enrolled = JSON.parse((await run(['--json', 'cert', 'enroll', '--type', 'authentication', ...session])).out) as { id: string; serialNumber: string };

    const listed = await run(['--json', 'cert', 'ksef-list', ...session]);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      {
        serialNumber: enrolled.serialNumber,
        name: expect.stringContaining('KSeF Desk Authentication'),
        type: 'Authentication',
        status: 'Active',
        validFrom: expect.any(String),
        validTo: expect.any(String),
        requestDate: expect.any(String),
        localCertificateId: enrolled.id,
      },
    ]);

    const limits = await run(['--json', 'cert', 'limits', ...session]);
    expect(JSON.parse(limits.out)).toEqual({ canRequest: true, enrollment: { remaining: 299, limit: 300 }, certificate: { remaining: 99, limit: 100 } });
    expect((await run(['cert', 'limits', ...session])).out).toContain('Active certificates: 1 of 100');

    const badReason = await run(['--json', 'cert', 'revoke', enrolled.serialNumber, ...session, '--reason', 'because']);
    expect(badReason.code).toBe(1);
    expect(JSON.parse(badReason.err)).toMatchObject({ error: { code: 'INVALID_INPUT' } });

    const revoked = await run(['--json', 'cert', 'revoke', enrolled.serialNumber.toLowerCase(), ...session, '--reason', 'superseded']);
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.out)).toEqual({ revoked: enrolled.serialNumber, reason: 'Superseded' });

    const afterRevoke = JSON.parse((await run(['--json', 'cert', 'ksef-list', ...session, '--status', 'revoked'])).out) as Array<Record<string, unknown>>;
    expect(afterRevoke).toEqual([expect.objectContaining({ serialNumber: enrolled.serialNumber, status: 'Revoked' })]);
    const human = await run(['cert', 'ksef-list', ...session]);
    expect(human.out).toMatch(new RegExp(`${enrolled.serialNumber} .*\\[Authentication, Revoked, valid until \\d{4}-\\d{2}-\\d{2}\\]`));

    const local = JSON.parse((await run(['--json', 'cert', 'list'])).out) as Array<{ id: string; status: string }>;
    expect(local.find((entry) => entry.id === enrolled.id)?.status).toBe('revoked');
    const login = await run(['--json', 'auth', 'login', '--nip', PERSON_NIP, '--cert', enrolled.id]);
    expect(login.code).toBe(1);
    expect(JSON.parse(login.err)).toMatchObject({ error: { code: 'CANNOT_SIGN_IN_WITH_CERTIFICATE' } });

    const again = await run(['--json', 'cert', 'revoke', enrolled.serialNumber, ...session]);
    expect(JSON.parse(again.err)).toMatchObject({ error: { code: 'KSEF_CERTIFICATE_NOT_ACTIVE' } });
  }, 90_000); // ten CLI runs, each unlocking the key store with scrypt N=2^17 (~1 s on a busy machine)
});
