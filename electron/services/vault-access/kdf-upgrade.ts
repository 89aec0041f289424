import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PassphraseKeyProtector } from '../certificates';
import { writeFileAtomic } from '../storage/atomic-write';

/** Where passphrase-encrypted files live in a profile: private keys and saved KSeF tokens. */
export const PROTECTED_FILE_LOCATIONS: ReadonlyArray<{ dir: string; extension: string }> = [
  { dir: 'certificates', extension: '.key' },
  { dir: 'tokens', extension: '.token' },
];

async function listProtectedFiles(profileDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const location of PROTECTED_FILE_LOCATIONS) {
    const dir = path.join(profileDir, location.dir);
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    found.push(...names.filter((name) => name.endsWith(location.extension) && !name.startsWith('.')).map((name) => path.join(dir, name)));
  }
  return found;
}

/**
 * Re-encrypts every file written with weaker scrypt parameters than `protector` uses now (each blob
 * records its own). Runs right after a successful unlock, when the passphrase is at hand; one atomic
 * write per file, so an interruption leaves each file either old (still readable) or new.
 */
export async function upgradeProtectedFiles(profileDir: string, protector: PassphraseKeyProtector): Promise<number> {
  let upgraded = 0;
  for (const file of await listProtectedFiles(profileDir)) {
    const blob = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null; // removed meanwhile: nothing to upgrade
      throw error;
    });
    if (blob === null) continue;
    if (!protector.needsUpgrade(blob)) continue;
    const plain = await protector.decrypt(blob);
    try {
      await writeFileAtomic(file, await protector.encrypt(plain));
      upgraded += 1;
    } finally {
      plain.fill(0);
    }
  }
  return upgraded;
}
