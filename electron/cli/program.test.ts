import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './program';
import { captureOutput } from '../../test/helpers/capture-output';


afterEach(() => vi.restoreAllMocks());

describe('ksef-desk config', () => {
  const profile = () => mkdtempSync(path.join(os.tmpdir(), 'cli-'));

  it('prints settings as JSON on stdout', async () => {
    const io = captureOutput();
    expect(await runCli(['--profile', profile(), '--json', 'config', 'get'])).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ environment: 'sandbox', language: 'pl' });
  });

  it('sets a value that the next run reads', async () => {
    const dir = profile();
    captureOutput();
    expect(await runCli(['--profile', dir, 'config', 'set', 'language', 'en'])).toBe(0);
    vi.restoreAllMocks();
    const io = captureOutput();
    expect(await runCli(['--profile', dir, 'config', 'get', 'language'])).toBe(0);
    expect(io.out().trim()).toBe('en');
  });

  it('fails with a non-zero code and a JSON error on stderr for bad input', async () => {
    const dir = profile();
    const io = captureOutput();
    expect(await runCli(['--profile', dir, '--json', 'config', 'set', 'environment', 'mars'])).toBe(1);
    expect(JSON.parse(io.err())).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(io.out()).toBe('');
    expect(await runCli(['--profile', dir, '--json', 'config', 'set', 'colour', 'red'])).toBe(1);
    expect(await runCli(['--profile', dir, '--json', 'config', 'set', 'environment', 'production'])).toBe(1);
    expect(io.err()).toContain('CONFIRMATION_REQUIRED');
    expect(await runCli(['--profile', dir, 'config', 'set', 'environment', 'production', '--confirm-production'])).toBe(0);
  });

  it('validates the global options', async () => {
    captureOutput();
    expect(await runCli(['--profile', profile(), '--env', 'moon', 'config', 'get'])).toBe(1);
    expect(await runCli(['--profile', profile(), '--base-url', 'ftp://x', 'config', 'get'])).toBe(1);
  });

  it('points to `cert list` when --cert is not a certificate id', async () => {
    const io = captureOutput();
    expect(await runCli(['--profile', profile(), 'auth', 'login', '--nip', '5265877635', '--cert', 'my-cert'])).not.toBe(0);
    expect(io.err()).toContain('ksef-desk cert list');
  });
});
