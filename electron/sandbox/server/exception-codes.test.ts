import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ksefPackDir } from '../../../test/helpers/ksef-pack';
import { EXCEPTION_DESCRIPTIONS } from './exception-codes';

const packDir = ksefPackDir();
if (!packDir) console.warn('SKIPPED exception description check: KSeF reference pack not found (KSEF_SCHEMA_DIR or ../shared/ksef)');

/** Every `| code | description |` row of the spec's markdown error tables. */
function specDescriptions(specText: string): Map<number, Set<string>> {
  const rows = new Map<number, Set<string>>();
  for (const match of specText.matchAll(/\|\s*(\d{4,5})\s*\|\s*([^|\\]+?)\s*\|/g)) {
    const code = Number(match[1]);
    const set = rows.get(code) ?? new Set<string>();
    set.add(match[2]!.trim());
    rows.set(code, set);
  }
  return rows;
}

describe.skipIf(!packDir)('sandbox exception descriptions', () => {
  it('are the texts the OpenAPI spec gives each code', () => {
    const spec = specDescriptions(readFileSync(path.join(packDir!, 'openapi', 'open-api.json'), 'utf8'));
    for (const [code, description] of Object.entries(EXCEPTION_DESCRIPTIONS)) {
      expect([...(spec.get(Number(code)) ?? [])], `code ${code}`).toContain(description);
    }
  });
});
