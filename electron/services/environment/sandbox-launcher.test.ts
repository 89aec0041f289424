import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandboxLauncher, sandboxStateDir } from './sandbox-launcher';

const modeOf = (dir: string) => statSync(dir).mode & 0o777;

describe('the profile’s sandbox folder', () => {
  it('is created owner-only (0700), and an older, wider folder is tightened', async () => {
    for (const existing of [false, true]) {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'sandbox-folder-'));
      if (existing) mkdirSync(sandboxStateDir(profile), { mode: 0o755 });
      const sandbox = await createSandboxLauncher(profile, () => undefined)();
      try {
        expect(modeOf(sandboxStateDir(profile))).toBe(0o700);
        expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      } finally {
        await sandbox.close();
      }
      expect(modeOf(path.join(sandboxStateDir(profile), 'state.json'))).toBe(0o600);
    }
  });
});
