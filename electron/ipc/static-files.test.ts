import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInsideRoot } from './static-files';

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
