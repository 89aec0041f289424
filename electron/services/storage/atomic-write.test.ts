import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  it('creates owner-only files and folders and replaces content whole', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const file = path.join(root, 'nested', 'data.json');
    await writeFileAtomic(file, '{"v":1}');
    await writeFileAtomic(file, '{"v":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(file))).toEqual(['data.json']);
  });

  it('leaves the old file and no temp file behind when the rename fails', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const target = path.join(root, 'occupied');
    mkdirSync(path.join(target, 'child'), { recursive: true }); // renaming a file over a non-empty folder fails
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['occupied']);
  });
});
