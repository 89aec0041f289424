import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandPaths } from './help';
import { buildProgram, runCli } from './program';
import { captureOutput } from '../../test/helpers/capture-output';

afterEach(() => vi.restoreAllMocks());

describe('--help on every command', () => {
  const paths = commandPaths(buildProgram().program);

  it('walks a real tree (groups and their subcommands)', () => {
    const names = paths.map((p) => p.join(' '));
    expect(names).toEqual(expect.arrayContaining(['sandbox', 'config', 'config get', 'cert', 'cert list']));
  });

  it.each(paths.map((p) => [p.join(' '), p] as const))('ksef-desk %s --help prints usage and exits 0', async (_name, commandPath) => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'cli-help-'));
    const io = captureOutput();
    // A profile that is never touched: help must not run the command's action.
    expect(await runCli(['--profile', profile, ...commandPath, '--help'])).toBe(0);
    expect(io.out()).toContain(`Usage: ksef-desk ${commandPath.join(' ')}`);
  });

  it('the sandbox command documents its own options in its help', async () => {
    const io = captureOutput();
    expect(await runCli(['sandbox', '--help'])).toBe(0);
    expect(io.out()).toContain('--faults');
  });
});
