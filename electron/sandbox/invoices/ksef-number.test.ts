import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKsefNumber, isValidKsefNumber } from './ksef-number';
import { packDir } from './test-fixtures';

interface KsefNumberVector {
  ksefNumber: string;
  dataPart: string;
  crc: string;
}

describe('KSeF number', () => {
  it('builds the documented example from its parts (date in Warsaw time)', () => {
    expect(buildKsefNumber('5265877635', new Date('2025-08-26T10:00:00Z'), '0100001af629')).toBe('5265877635-20250826-0100001AF629-AF');
    expect(buildKsefNumber('5265877635', new Date('2025-08-25T22:30:00Z'), '0100001AF629')).toBe('5265877635-20250826-0100001AF629-AF');
  });

  it('validates pattern and checksum', () => {
    expect(isValidKsefNumber('5265877635-20250826-0100001AF629-AF')).toBe(true);
    expect(isValidKsefNumber('5265877635-20250826-0100001AF629-AE')).toBe(false);
    expect(isValidKsefNumber('5265877635-20251326-0100001AF629-AF')).toBe(false);
    expect(isValidKsefNumber('5265877635-20250826-0100001af629-AF')).toBe(false);
    expect(() => buildKsefNumber('526587763', new Date(), '0100001AF629')).toThrow();
    expect(() => buildKsefNumber('5265877635', new Date(), '0100001AF62')).toThrow();
  });

  it.skipIf(!packDir)('matches every CRC-8 vector of the KSeF pack (needs the pack)', () => {
    const vectors = JSON.parse(readFileSync(join(packDir ?? '', 'test-vectors', 'ksef-test-vectors.json'), 'utf8')) as {
      ksefNumberCrc8: { examples: KsefNumberVector[] };
    };
    expect(vectors.ksefNumberCrc8.examples).toHaveLength(3);
    for (const vector of vectors.ksefNumberCrc8.examples) {
      const [nip = '', day = '', technical = ''] = vector.dataPart.split('-');
      const acceptedAt = new Date(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T12:00:00Z`);
      expect(buildKsefNumber(nip, acceptedAt, technical)).toBe(vector.ksefNumber);
      expect(vector.ksefNumber.endsWith(vector.crc)).toBe(true);
      expect(isValidKsefNumber(vector.ksefNumber)).toBe(true);
    }
  });
});
