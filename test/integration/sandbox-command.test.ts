import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/browser-mode';

/** `ksef-desk sandbox` as a user runs it: prints its base URL, serves the API, stops on SIGTERM. */
describe('ksef-desk sandbox', () => {
  it('starts a standalone sandbox that answers on its printed base URL', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'sandbox', '--port', '0', '--limits', 'off', '--seed-received', '5265877635:3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
    });
    try {
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      expect(log).toContain('rate limits off');
      const keys = (await (await fetch(`${baseUrl}/security/public-key-certificates`)).json()) as { usage: string[] }[];
      expect(keys.map((key) => key.usage[0]).sort()).toEqual(['KsefTokenEncryption', 'SymmetricKeyEncryption']);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('prints the fault-admin URL and secret on stderr, and that secret (only) drives the faults', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'sandbox', '--port', '0', '--limits', 'off'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
    });
    try {
      const match = /fault admin: (\S+) with header x-sandbox-admin-secret: (\S+)/.exec(log);
      expect(match, log).not.toBeNull();
      const [, url, secret] = match!;
      expect(url).toBe(baseUrl.replace('/v2', '/__sandbox/faults'));
      expect((await fetch(url!, { method: 'PUT', body: 'outage' })).status).toBe(401);
      expect((await fetch(url!, { method: 'PUT', body: 'outage', headers: { 'x-sandbox-admin-secret': secret! } })).status).toBe(200);
      expect((await fetch(`${baseUrl}/security/public-key-certificates`)).status).toBe(503);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('refuses bad options with a clear error and a non-zero exit code', async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'sandbox', '--limits', 'sometimes'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/limits/);
  });
});
