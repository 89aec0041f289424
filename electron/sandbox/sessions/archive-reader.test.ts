import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readInvoiceArchive } from './archive-reader';

/** A minimal ustar archive (what `tar czf` writes for plain files). */
function tar(files: { name: string; body: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const header = Buffer.alloc(512);
    header.write(file.name, 0, 'utf8');
    header.write('0000644\0', 100);
    header.write(`${Buffer.byteLength(file.body).toString(8).padStart(11, '0')}\0`, 124);
    header.write('0', 156);
    header.write('ustar\0', 257);
    const body = Buffer.from(file.body);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

describe('batch archive reader', () => {
  it('reads zip entries in order and skips directories', () => {
    const zip = Buffer.from(zipSync({ 'a.xml': new TextEncoder().encode('<a/>'), 'dir/': new Uint8Array(), 'dir/b.xml': new TextEncoder().encode('<b/>') }));
    expect(readInvoiceArchive(zip, 'Zip').map((e) => [e.name, e.bytes.toString()])).toEqual([
      ['a.xml', '<a/>'],
      ['dir/b.xml', '<b/>'],
    ]);
  });

  it('reads tar.gz (API 2.6.0 TarGz)', () => {
    const archive = gzipSync(tar([{ name: 'x.xml', body: '<x/>' }, { name: 'y.xml', body: 'y'.repeat(700) }]));
    expect(readInvoiceArchive(archive, 'TarGz').map((e) => [e.name, e.bytes.length])).toEqual([
      ['x.xml', 4],
      ['y.xml', 700],
    ]);
  });

  it('throws on a corrupt archive (→ session status 430)', () => {
    expect(() => readInvoiceArchive(Buffer.from('not a zip'), 'Zip')).toThrow();
    expect(() => readInvoiceArchive(Buffer.from('not gzip'), 'TarGz')).toThrow();
  });
});
