import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.mjs');

export interface BrowserModeApp {
  url: string;
  profileDir: string;
  stop(): Promise<void>;
}

export function tempProfile(prefix = 'ksef-desk-e2e-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts the built app in browser mode exactly as a user would (`ksef-desk start --web`). */
export async function startBrowserMode(profileDir = tempProfile(), extraArgs: string[] = []): Promise<BrowserModeApp> {
  const child = spawn(process.execPath, [CLI_PATH, '--profile', profileDir, '--json', ...extraArgs, 'start', '--web'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      buffered += line;
      try {
        resolve((JSON.parse(buffered) as { url: string }).url);
      } catch {
        // multi-line JSON: keep reading
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr.join('')}`)));
  });
  return { url, profileDir, stop: () => stopProcess(child) };
}

export function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
