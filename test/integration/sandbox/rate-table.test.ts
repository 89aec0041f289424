import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rateRuleFor } from '../../../electron/sandbox/ratelimit/groups';
import { ksefPackDir } from '../../helpers/ksef-pack';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping the rate-limit table check');

describe.skipIf(!pack)('rate-limit table', () => {
  it("matches the spec's x-rate-limits for every operation", () => {
    const spec = JSON.parse(readFileSync(join(pack ?? '', 'openapi', 'open-api.json'), 'utf8')) as {
      paths: Record<string, Record<string, { 'x-rate-limits'?: { perSecond?: number; perMinute?: number; perHour?: number } }>>;
    };
    let checked = 0;
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const expected = operation['x-rate-limits'];
        if (!expected) continue;
        expect({ endpoint: `${method.toUpperCase()} ${path}`, limit: rateRuleFor(method.toUpperCase(), path).limit }).toEqual({
          endpoint: `${method.toUpperCase()} ${path}`,
          limit: expected,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});
