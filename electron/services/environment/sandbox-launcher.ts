import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startSandbox } from '../../sandbox';
import type { SandboxLauncher } from './environment-runtime';

/** The sandbox's state (its CA and token keys, test data) lives here, owner-only like the rest of the profile. */
export function sandboxStateDir(profileDir: string): string {
  return path.join(profileDir, 'sandbox');
}

/**
 * How the app runs its in-process KSeF sandbox: loopback, random port, the official rate limits
 * (so the app learns to live with them), state kept in the profile so a restart loses nothing.
 * Invoices are checked against the FA(3) XSD the app ships (in-process validator).
 */
export function createSandboxLauncher(profileDir: string, log: (line: string) => void): SandboxLauncher {
  return async () => {
    const dir = sandboxStateDir(profileDir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700); // mkdir keeps the mode of a folder an older version created
    const sandbox = await startSandbox({
      host: '127.0.0.1',
      port: 0,
      stateFile: path.join(dir, 'state.json'),
      limits: 'official',
      log,
    });
    return { baseUrl: sandbox.baseUrl, close: () => sandbox.close() };
  };
}
