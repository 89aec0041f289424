import { createDecipheriv, createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateSymmetricKey } from '../ksef/encryption';
import { buildBatchPackage, type PartSink } from './batch-package';

class MemorySink implements PartSink {
  readonly parts = new Map<number, Buffer[]>();
  write(ordinal: number, chunk: Buffer): void {
    this.parts.set(ordinal, [...(this.parts.get(ordinal) ?? []), chunk]);
  }
  end(): void {}
  bytes(ordinal: number): Buffer {
    return Buffer.concat(this.parts.get(ordinal) ?? []);
  }
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

describe('buildBatchPackage', () => {
  it('streams a zip cut into encrypted parts whose hashes, sizes and contents round-trip', () => {
    const key = generateSymmetricKey();
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `${i}.xml`, xml: Buffer.from(`<Faktura n="${i}">${'x'.repeat(i * 37)}</Faktura>`) }));
    const sink = new MemorySink();
    const pkg = buildBatchPackage(files, key, sink, { partLimit: 700 });
    expect(pkg.parts.length).toBeGreaterThan(1);
    const plain = pkg.parts.map((part) => {
      const bytes = sink.bytes(part.ordinalNumber);
      expect(bytes.length).toBe(part.fileSize);
      expect(sha(bytes)).toBe(part.fileHash);
      const decipher = createDecipheriv('aes-256-cbc', key.key, key.iv);
      const decrypted = Buffer.concat([decipher.update(bytes), decipher.final()]);
      expect(decrypted.length).toBeLessThanOrEqual(700);
      return decrypted;
    });
    const archive = Buffer.concat(plain);
    expect(archive.length).toBe(pkg.fileSize);
    expect(sha(archive)).toBe(pkg.fileHash);
    const unzipped = unzipSync(new Uint8Array(archive));
    expect(Object.keys(unzipped)).toHaveLength(40);
    expect(Buffer.from(unzipped['7.xml'] ?? []).toString()).toBe(files[7]?.xml.toString());
  });
});
