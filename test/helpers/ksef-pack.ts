import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Why pack-based tests skip, for their titles and a one-line note. */
export const KSEF_PACK_MISSING = 'KSeF reference pack not found (set KSEF_SCHEMA_DIR or place it at ../shared/ksef)';

/**
 * Where the KSeF reference pack lives: KSEF_SCHEMA_DIR, else ../shared/ksef beside the repo; undefined when absent.
 * KSEF_PACK_DISABLED=1 hides it, to run the suite as a bare clone would.
 */
export function ksefPackDir(): string | undefined {
  if (process.env.KSEF_PACK_DISABLED === '1') return undefined;
  const candidates = [process.env.KSEF_SCHEMA_DIR, join(repoRoot, '..', 'shared', 'ksef')];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'openapi', 'open-api.json'))) return dir;
  }
  return undefined;
}
