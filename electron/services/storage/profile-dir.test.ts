import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfileDir } from './profile-dir';

describe('resolveProfileDir', () => {
  it('prefers --profile, then KSEF_DESK_PROFILE, then the per-user folder', () => {
    expect(resolveProfileDir('rel/dir', { KSEF_DESK_PROFILE: '/env' }, 'linux', '/home/a')).toBe(path.resolve('rel/dir'));
    expect(resolveProfileDir(undefined, { KSEF_DESK_PROFILE: '/env' }, 'linux', '/home/a')).toBe('/env');
    expect(resolveProfileDir(undefined, {}, 'linux', '/home/a')).toBe('/home/a/.config/KSeF Desk');
    expect(resolveProfileDir(undefined, { XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/KSeF Desk');
    expect(resolveProfileDir(undefined, {}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/KSeF Desk');
    expect(resolveProfileDir(undefined, { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toContain('KSeF Desk');
  });
});
