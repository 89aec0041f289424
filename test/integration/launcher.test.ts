import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh project folder as `npm install` leaves it: sources and node_modules, no dist/. */
function freshInstall(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ksef-desk-install-'));
  made.push(dir);
  for (const name of ['electron', 'shared', 'node_modules', 'package.json', 'tsconfig.json', 'tsconfig.base.json']) {
    symlinkSync(path.join(repo, name), path.join(dir, name));
  }
  for (const folder of ['bin', 'scripts']) mkdirSync(path.join(dir, folder));
  copyFileSync(path.join(repo, 'bin/ksef-desk.js'), path.join(dir, 'bin/ksef-desk.js'));
  for (const script of ['postinstall.mjs', 'install-electron-binary.mjs', 'build-node.mjs']) {
    copyFileSync(path.join(repo, 'scripts', script), path.join(dir, 'scripts', script));
  }
  return dir;
}

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(dir, 'bin/ksef-desk.js'), ...args], { encoding: 'utf8', timeout: 120_000 });

describe('ksef-desk after npm install', () => {
  it('runs from the sources when no bundle was built', () => {
    const dir = freshInstall();
    const result = run(dir, '--version');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('the postinstall builds the bundle, which the launcher then uses', () => {
    const dir = freshInstall();
    execFileSync(process.execPath, [path.join(dir, 'scripts/postinstall.mjs')], {
      cwd: dir,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 300_000,
    });
    expect(existsSync(path.join(dir, 'dist/cli.mjs'))).toBe(true);
    const result = run(dir, 'sandbox', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: ksef-desk sandbox');
  });
});
