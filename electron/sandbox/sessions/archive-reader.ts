/** Reading the invoice package of a batch session: ZIP (default) or, since API 2.6.0, tar.gz. */
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export interface ArchiveEntry {
  name: string;
  bytes: Buffer;
}

/** Throws on a corrupt archive; the caller turns that into session status 430. Directory entries are skipped. */
export function readInvoiceArchive(archive: Buffer, compressionType: 'Zip' | 'TarGz'): ArchiveEntry[] {
  return compressionType === 'Zip' ? readZip(archive) : readTar(gunzipSync(archive));
}

function readZip(archive: Buffer): ArchiveEntry[] {
  const entries = unzipSync(new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength));
  return Object.entries(entries)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, bytes]) => ({ name, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
}

const TAR_BLOCK = 512;

function tarField(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** ustar reader: regular files only (type '0' or NUL); pax/GNU long names are not interpreted. */
function readTar(tar: Buffer): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  while (offset + TAR_BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + TAR_BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const name = tarField(header, 0, 100);
    const size = parseInt(tarField(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = tarField(header, 345, 155);
    if (!Number.isFinite(size) || size < 0 || offset + TAR_BLOCK + size > tar.length) throw new Error('corrupt tar entry');
    const body = tar.subarray(offset + TAR_BLOCK, offset + TAR_BLOCK + size);
    if (type === '0' || type === '\0') entries.push({ name: prefix ? `${prefix}/${name}` : name, bytes: Buffer.from(body) });
    offset += TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
  }
  return entries;
}
