import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import type { CrashPoint } from '../../../electron/services/outbox/crash-points';
import type { SendFileResult } from '../../../electron/cli/commands/send';
import { acceptedCounts, invoiceFiles, runSend, tokenFile } from './cli-support';

const NIP = '5265877635';
let sandbox: RunningSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, limits: 'off' });
  token = tokenFile(sandbox, NIP, mkdtempSync(path.join(os.tmpdir(), 'outbox-token-')));
});
afterAll(async () => {
  await sandbox.close();
});

const CASES: { point: CrashPoint; mode: '--online' | '--batch'; count: number }[] = [
  { point: 'online:opened', mode: '--online', count: 3 },
  { point: 'online:before-send', mode: '--online', count: 3 },
  { point: 'online:after-send', mode: '--online', count: 3 },
  { point: 'online:submitted', mode: '--online', count: 3 },
  { point: 'online:accepted', mode: '--online', count: 3 },
  { point: 'batch:prepared', mode: '--batch', count: 12 },
  { point: 'batch:opened', mode: '--batch', count: 12 },
  { point: 'batch:uploaded', mode: '--batch', count: 12 },
  { point: 'batch:close-sent', mode: '--batch', count: 12 },
  { point: 'batch:closed', mode: '--batch', count: 12 },
];

describe('kill -9 during a send, then the same command again', () => {
  for (const { point, mode, count } of CASES) {
    it(`${point}: nothing lost, nothing doubled`, { timeout: 120_000 }, async () => {
      const prefix = `CRASH-${point.replace(':', '-')}`;
      const { files } = invoiceFiles(NIP, prefix, count);
      const profile = mkdtempSync(path.join(os.tmpdir(), 'outbox-profile-'));
      const args = ['--json', '--profile', profile, '--base-url', sandbox.baseUrl, 'send', '--nip', NIP, '--token-file', token, mode, ...files];

      const killed = await runSend(args, { KSEF_DESK_CRASH_AT: point });
      expect(killed.signal, killed.stderr).toBe('SIGKILL');

      const resumed = await runSend(args);
      expect(resumed.code, resumed.stderr).toBe(0);
      const results = JSON.parse(resumed.stdout) as SendFileResult[];
      expect(results.map((r) => r.status)).toEqual(files.map(() => 'accepted'));
      expect(new Set(results.map((r) => r.ksefNumber)).size).toBe(count);

      const counts = acceptedCounts(sandbox, NIP, prefix);
      expect(counts).toHaveLength(count);
      expect(counts.every((n) => n === 1)).toBe(true);
    });
  }

  it('outbox list and upo read what send stored', { timeout: 120_000 }, async () => {
    const { files, dir } = invoiceFiles(NIP, 'CLI-UPO', 2);
    const profile = mkdtempSync(path.join(os.tmpdir(), 'outbox-profile-'));
    const globalArgs = ['--json', '--profile', profile, '--base-url', sandbox.baseUrl];
    const sent = await runSend([...globalArgs, 'send', '--nip', NIP, '--token-file', token, ...files]);
    expect(sent.code, sent.stderr).toBe(0);
    const listed = await runSend([...globalArgs, 'outbox', 'list']);
    const items = JSON.parse(listed.stdout) as { state: string; ksefNumber: string }[];
    expect(items.map((item) => item.state)).toEqual(['accepted', 'accepted']);
    const out = path.join(dir, 'upo.xml');
    const upo = await runSend([...globalArgs, 'upo', items[0]?.ksefNumber ?? '', '--out', out]);
    expect(upo.code, upo.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(items[0]?.ksefNumber);
  });
});
