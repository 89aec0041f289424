import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OpensslFixtures, PERSON_NIP, SUBJECT_WITH_NIP } from '../services/certificates/testing/openssl-fixtures';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { runCli } from './program';
import { captureOutput } from '../../test/helpers/capture-output';


/** ksef-desk cert|auth|token against a sandbox started in this process, reached through --base-url. */
describe('ksef-desk cert, auth and token commands', () => {
  let sandbox: RunningSandbox;
  let fixtures: OpensslFixtures;
  let work: string;
  let profile: string;
  let base: string[];

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
    fixtures = new OpensslFixtures();
    work = mkdtempSync(path.join(os.tmpdir(), 'cli-account-'));
    profile = path.join(work, 'profile');
    writeFileSync(path.join(work, 'passphrase'), 'correct horse battery\n');
    base = ['--profile', profile, '--base-url', sandbox.baseUrl, '--passphrase-file', path.join(work, 'passphrase')];
  });

  afterAll(async () => {
    await sandbox?.close();
    fixtures?.cleanup();
  });

  afterEach(() => vi.restoreAllMocks());

  it('test-create → list --json → auth login → token create → token list', async () => {
    let io = captureOutput();
    expect(await runCli([...base, '--json', 'cert', 'test-create', '--nip', PERSON_NIP])).toBe(0);
    const created = JSON.parse(io.out()) as { id: string };
    vi.restoreAllMocks();

    io = captureOutput();
    expect(await runCli([...base, '--json', 'cert', 'list'])).toBe(0);
    const list = JSON.parse(io.out()) as Array<Record<string, unknown>>;
    expect(list).toEqual([
      expect.objectContaining({ id: created.id, nip: PERSON_NIP, pesel: null, keyType: 'EC-P256', subject: expect.stringContaining(`TINPL-${PERSON_NIP}`), notAfter: expect.any(String) }),
    ]);
    vi.restoreAllMocks();

    io = captureOutput();
    expect(await runCli([...base, 'auth', 'login', '--nip', PERSON_NIP])).toBe(0);
    expect(io.out()).toContain(`Signed in as Jan Testowy (NIP ${PERSON_NIP}) with a certificate in context NIP ${PERSON_NIP}, environment sandbox`);
    vi.restoreAllMocks();

    io = captureOutput();
    expect(await runCli([...base, '--json', 'token', 'create', '--nip', PERSON_NIP, '--cert', created.id, '--description', 'Skrypt eksportu', '--permissions', 'InvoiceRead'])).toBe(0);
    const token = JSON.parse(io.out()) as { referenceNumber: string; token: string };
    expect(token.token).toContain(`nip-${PERSON_NIP}`);
    vi.restoreAllMocks();

    const tokenFile = path.join(work, 'token.txt');
    writeFileSync(tokenFile, `${token.token}\n`);
    io = captureOutput();
    expect(await runCli([...base, '--json', 'token', 'list', '--nip', PERSON_NIP, '--token-file', tokenFile])).toBe(0);
    const tokens = JSON.parse(io.out()) as Array<{ referenceNumber: string; permissions: string[] }>;
    expect(tokens).toEqual([expect.objectContaining({ referenceNumber: token.referenceNumber, permissions: ['InvoiceRead'] })]);
    vi.restoreAllMocks();

    io = captureOutput();
    expect(await runCli([...base, '--json', 'auth', 'login', '--nip', PERSON_NIP, '--token-file', tokenFile])).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ session: { method: 'token', contextNip: PERSON_NIP } });
    vi.restoreAllMocks();

    const signed = path.join(work, 'signed.xml');
    captureOutput();
    expect(await runCli([...base, 'auth', 'sign-request', '--nip', PERSON_NIP, '--cert', created.id, '--out', signed])).toBe(0);
    expect(readFileSync(signed, 'utf8')).toMatch(/<AuthTokenRequest[\s\S]*SignatureValue/);
  });

  it('imports an openssl .p12 with a password file; a wrong password exits non-zero with the code on stderr', async () => {
    const key = fixtures.generateKey('rsa');
    const cert = fixtures.selfSigned(key, SUBJECT_WITH_NIP);
    const p12 = fixtures.path(fixtures.pkcs12(cert, key, 'p12 secret', 'aes'));
    writeFileSync(path.join(work, 'wrong'), 'not it\n');
    writeFileSync(path.join(work, 'right'), 'p12 secret\n');

    let io = captureOutput();
    expect(await runCli([...base, 'cert', 'import', p12, '--password-file', path.join(work, 'wrong')])).toBe(1);
    expect(io.err()).toContain('WRONG_PASSWORD');
    expect(io.out()).toBe('');
    vi.restoreAllMocks();

    io = captureOutput();
    expect(await runCli([...base, '--json', 'cert', 'import', p12, '--password-file', path.join(work, 'wrong')])).toBe(1);
    expect(JSON.parse(io.err())).toMatchObject({ error: { code: 'WRONG_PASSWORD' } });
    vi.restoreAllMocks();

    io = captureOutput();
    expect(await runCli([...base, '--json', 'cert', 'import', p12, '--password-file', path.join(work, 'right'), '--label', 'Kwalifikowany'])).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ label: 'Kwalifikowany', nip: PERSON_NIP, keyType: 'RSA-2048', source: 'imported' });
  });

  it('needs the key-store passphrase for keys and refuses a wrong one', async () => {
    const noPassphrase = ['--profile', profile, '--base-url', sandbox.baseUrl];
    const saved = process.env.KSEF_DESK_VAULT_PASSPHRASE;
    delete process.env.KSEF_DESK_VAULT_PASSPHRASE;
    try {
      let io = captureOutput();
      expect(await runCli([...noPassphrase, 'cert', 'test-create', '--nip', PERSON_NIP])).toBe(1);
      expect(io.err()).toContain('passphrase');
      vi.restoreAllMocks();

      process.env.KSEF_DESK_VAULT_PASSPHRASE = 'wrong horse battery';
      io = captureOutput();
      expect(await runCli([...noPassphrase, '--json', 'auth', 'login', '--nip', PERSON_NIP])).toBe(1);
      expect(JSON.parse(io.err())).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    } finally {
      if (saved === undefined) delete process.env.KSEF_DESK_VAULT_PASSPHRASE;
      else process.env.KSEF_DESK_VAULT_PASSPHRASE = saved;
    }
  });

  it('refuses test certificates in production', async () => {
    const io = captureOutput();
    expect(await runCli([...base, '--env', 'production', '--json', 'cert', 'test-create', '--nip', PERSON_NIP])).toBe(1);
    expect(JSON.parse(io.err())).toMatchObject({ error: { code: 'NOT_AVAILABLE_IN_ENVIRONMENT' } });
  });
});
