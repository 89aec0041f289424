import 'reflect-metadata';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../electron/sandbox/index';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { callChecked } from '../../helpers/sandbox-http';
import { loginWithKsefToken, type PublicKeyCertificate } from '../../helpers/sandbox-auth';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping persistence tests');

describe.skipIf(!pack)('sandbox: state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-sandbox-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps keys, auth sessions and refresh tokens across a restart; the file is private', async () => {
    const stateFile = join(dir, 'sandbox-state.json');
    const clock = new FakeClock();
    const first = await startSandbox({ stateFile, clock, limits: 'off' });
    const keysBefore = (await callChecked(first.baseUrl, 'GET', '/security/public-key-certificates', '/security/public-key-certificates')).body as PublicKeyCertificate[];
    const login = await loginWithKsefToken(first, { type: 'Nip', value: '5265877635' });
    await first.close();
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    const second = await startSandbox({ stateFile, clock, limits: 'off' });
    try {
      const keysAfter = (await callChecked(second.baseUrl, 'GET', '/security/public-key-certificates', '/security/public-key-certificates')).body as PublicKeyCertificate[];
      expect(keysAfter).toEqual(keysBefore);
      const refreshed = await callChecked(second.baseUrl, 'POST', '/auth/token/refresh', '/auth/token/refresh', { bearer: login.refreshToken.token });
      expect(refreshed.status).toBe(200);
      const sessions = await callChecked(second.baseUrl, 'GET', '/auth/sessions', '/auth/sessions', { bearer: login.accessToken.token });
      expect((sessions.body as { items: { referenceNumber: string }[] }).items.map((i) => i.referenceNumber)).toContain(login.start.referenceNumber);
    } finally {
      await second.close();
    }
  });
});
