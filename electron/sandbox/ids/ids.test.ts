import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc8, crc8Hex } from './crc8';
import { CHALLENGE_PATTERN, REFERENCE_NUMBER_PATTERN, newChallenge, newReferenceNumber } from './reference-number';
import { ksefPackDir } from '../../../test/helpers/ksef-pack';

const packDir = ksefPackDir();
if (!packDir) console.warn('KSeF reference pack not found (set KSEF_SCHEMA_DIR): skipping CRC-8 test vectors');

describe('crc8', () => {
  it('computes the standard CRC-8 check value for "123456789"', () => {
    expect(crc8('123456789')).toBe(0xf4);
  });

  it.skipIf(!packDir)('matches the KSeF number examples from the test vectors', () => {
    const file = join(packDir ?? '', 'test-vectors', 'ksef-test-vectors.json');
    expect(existsSync(file)).toBe(true);
    const vectors = JSON.parse(readFileSync(file, 'utf8')) as { ksefNumberCrc8: { examples: { dataPart: string; crc: string }[] } };
    expect(vectors.ksefNumberCrc8.examples.length).toBeGreaterThan(0);
    for (const example of vectors.ksefNumberCrc8.examples) expect(crc8Hex(example.dataPart)).toBe(example.crc);
  });
});

describe('reference numbers', () => {
  it('have the official shape and a CRC over the first 33 characters', () => {
    const ref = newReferenceNumber('AU', new Date('2025-05-14T10:00:00Z'));
    expect(ref).toMatch(REFERENCE_NUMBER_PATTERN);
    expect(ref.startsWith('20250514-AU-')).toBe(true);
    expect(ref.slice(34)).toBe(crc8Hex(ref.slice(0, 33)));
  });

  it('challenges match the spec challenge pattern', () => {
    expect(newChallenge(new Date())).toMatch(CHALLENGE_PATTERN);
  });
});
