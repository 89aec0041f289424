import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';

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

interface TaskTree {
  name: string;
  mode: string;
  tasks?: TaskTree[];
  result?: { state: 'skip'; note: string };
}

function skipTree(task: TaskTree, note: string): void {
  task.mode = 'skip';
  if (!task.tasks) task.result = { state: 'skip', note };
  for (const child of task.tasks ?? []) skipTree(child, note);
}

/**
 * For helpers whose every use needs the pack (the OpenAPI spec checks): when it is absent, every test of the
 * importing file is skipped (with one line saying why) instead of failing. Call at module top level.
 */
export function skipImportingFileWithoutPack(needs: string): void {
  if (ksefPackDir()) return;
  // Vitest requires the first (fixtures) parameter to be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  beforeAll(({}, file) => {
    const tree = file as unknown as TaskTree;
    console.warn(`[skipped] ${tree.name}: needs ${needs} — ${KSEF_PACK_MISSING}`);
    for (const child of tree.tasks ?? []) skipTree(child, `needs ${needs}`);
  });
}
