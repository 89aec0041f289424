/** Builds an export package: archive (ZIP or tar.gz) → parts of at most N bytes → each part AES-256-CBC encrypted. */
import { createCipheriv } from 'node:crypto';
import { gzipSync, zipSync, type Zippable } from 'fflate';
import { sha256Base64 } from '../crypto/primitives';
import type { CompressionType, ExportPartRecord } from './export-store';

export interface PackageFile {
  name: string;
  data: Buffer;
}

const TAR_BLOCK = 512;

/** One ustar header; names are short (`{ksefNumber}.xml`), so the 100-byte name field suffices. */
function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(TAR_BLOCK, 0);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100, 'ascii');
  header.write('0000000\0', 108, 'ascii');
  header.write('0000000\0', 116, 'ascii');
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.write(`${Math.floor(mtime.getTime() / 1000).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let checksum = 0;
  for (const byte of header) checksum += byte;
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

function tarOf(files: readonly PackageFile[], mtime: Date): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    blocks.push(tarHeader(file.name, file.data.length, mtime), file.data);
    const padding = (TAR_BLOCK - (file.data.length % TAR_BLOCK)) % TAR_BLOCK;
    if (padding) blocks.push(Buffer.alloc(padding, 0));
  }
  blocks.push(Buffer.alloc(TAR_BLOCK * 2, 0));
  return Buffer.concat(blocks);
}

/** Deterministic for the same files and mtime, so parts can be rebuilt with the same hashes. */
export function archiveOf(files: readonly PackageFile[], compression: CompressionType, mtime: Date): Buffer {
  if (compression === 'TarGz') return Buffer.from(gzipSync(tarOf(files, mtime), { level: 6, mtime }));
  const zippable: Zippable = {};
  for (const file of files) zippable[file.name] = [new Uint8Array(file.data), { mtime }];
  return Buffer.from(zipSync(zippable, { level: 6, mtime }));
}

export function archiveExtension(compression: CompressionType): string {
  return compression === 'TarGz' ? 'tar.gz' : 'zip';
}

export interface EncryptedParts {
  parts: ExportPartRecord[];
  encrypted: Buffer[];
}

/** Byte-split, then each part encrypted on its own with the client's key and IV (clients decrypt parts separately). */
export function splitAndEncrypt(archive: Buffer, partBytes: number, key: Buffer, iv: Buffer, partNamePrefix: string, extension: string): EncryptedParts {
  const parts: ExportPartRecord[] = [];
  const encrypted: Buffer[] = [];
  const count = Math.max(1, Math.ceil(archive.length / partBytes));
  for (let index = 0; index < count; index++) {
    const plain = archive.subarray(index * partBytes, (index + 1) * partBytes);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    const ordinalNumber = index + 1;
    parts.push({
      ordinalNumber,
      partName: `${partNamePrefix}-${String(ordinalNumber).padStart(3, '0')}.${extension}.aes`,
      partSize: plain.length,
      partHash: sha256Base64(plain),
      encryptedPartSize: sealed.length,
      encryptedPartHash: sha256Base64(sealed),
    });
    encrypted.push(sealed);
  }
  return { parts, encrypted };
}
