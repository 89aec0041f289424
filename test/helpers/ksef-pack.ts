import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the KSeF reference pack lives: KSEF_SCHEMA_DIR, else ../shared/ksef beside the repo; undefined when absent. */
export function ksefPackDir(): string | undefined {
  const candidates = [process.env.KSEF_SCHEMA_DIR, join(repoRoot, '..', 'shared', 'ksef')];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'openapi', 'open-api.json'))) return dir;
  }
  return undefined;
}
