import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaticFile, resolveInsideRoot } from './static-files';

describe('resolveInsideRoot', () => {
  const root = path.resolve('/srv/renderer');

  it('maps ordinary paths into the root', () => {
    expect(resolveInsideRoot(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveInsideRoot(root, '/index.html?x=1#y')).toBe(path.join(root, 'index.html'));
  });

  it('refuses every way out of the root', () => {
    for (const attack of [
      '/../etc/passwd',
      '/assets/../../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/%2E%2E%2Fetc%2Fpasswd',
      '/..%5c..%5cwindows',
      '/assets\\..\\..\\secret',
      '/index.html%00.png',
      '/%E0%A4%A',
      '/..',
    ]) {
      expect(resolveInsideRoot(root, attack), attack).toBeNull();
    }
  });
});

describe('readStaticFile: symlinks (regression)', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function layout(): { root: string; outside: string } {
    const base = mkdtempSync(path.join(os.tmpdir(), 'static-'));
    made.push(base);
    const root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    const outside = path.join(base, 'secret');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'key.json'), '{"secret":true}');
    return { root, outside };
  }

  it('serves ordinary files, and a link that stays inside the folder', async () => {
    const { root } = layout();
    symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
    expect((await readStaticFile(root, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
    expect((await readStaticFile(root, '/alias.js'))?.body.toString()).toBe('console.log(1)');
  });

  it('refuses a file link or a folder link that leads outside the folder', async () => {
    const { root, outside } = layout();
    symlinkSync(path.join(outside, 'key.json'), path.join(root, 'leak.json'));
    symlinkSync(outside, path.join(root, 'assets', 'linked'));
    expect(await readStaticFile(root, '/leak.json')).toBeNull();
    expect(await readStaticFile(root, '/assets/linked/key.json')).toBeNull();
  });

  it('works when the root itself is reached through a link', async () => {
    const { root } = layout();
    const linkToRoot = path.join(path.dirname(root), 'current');
    symlinkSync(root, linkToRoot);
    expect((await readStaticFile(linkToRoot, '/index.html'))?.contentType).toContain('text/html');
  });
});
