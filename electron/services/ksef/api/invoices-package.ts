/** Export packages: fetch each presigned part (no token, not rate-limited), check, decrypt, join, unzip. */
import { unzipSync } from 'fflate';
import { aes256CbcDecrypt, sha256Base64, type SymmetricKey } from '../encryption';
import { KsefNetworkError, KsefResponseFormatError } from '../http/errors';
import { invoiceMetadataSchema, type ExportPackageInfo, type ExportPart, type InvoiceMetadata } from './invoices-models';
import { z } from 'zod';

export interface ExportPackageContents {
  metadata: InvoiceMetadata[];
  /** `{ksefNumber}.xml` → bytes, exactly as KSeF stores them. */
  files: Map<string, Buffer>;
}

/** Fetches a part's bytes; tests may inject a fetch that fails. */
export type PartFetcher = (url: string, signal?: AbortSignal) => Promise<Buffer>;

export const fetchPart: PartFetcher = async (url, signal) => {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    signal?.throwIfAborted();
    throw new KsefNetworkError('ERR_NETWORK', error instanceof Error ? error.message : String(error), true);
  }
  if (!response.ok) throw new KsefResponseFormatError('GET export part', [`http ${response.status}`]);
  return Buffer.from(await response.arrayBuffer());
};

const PACKAGE = 'export package';

async function fetchPartWithRetry(part: ExportPart, fetcher: PartFetcher, signal?: AbortSignal): Promise<Buffer> {
  // Presigned downloads are not rate-limited; a few quick retries ride out a dropped connection.
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetcher(part.url, signal);
    } catch (error) {
      signal?.throwIfAborted();
      if (attempt >= 4 || !(error instanceof KsefNetworkError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** Downloads and decrypts every part (each encrypted on its own), in ordinal order; returns the archive bytes. */
export async function downloadPackageArchive(
  info: ExportPackageInfo,
  key: SymmetricKey,
  options: { fetcher?: PartFetcher; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const parts = [...info.parts].sort((a, b) => a.ordinalNumber - b.ordinalNumber);
  const plain: Buffer[] = [];
  for (const part of parts) {
    const encrypted = await fetchPartWithRetry(part, options.fetcher ?? fetchPart, options.signal);
    if (encrypted.length !== part.encryptedPartSize || sha256Base64(encrypted) !== part.encryptedPartHash) {
      throw new KsefResponseFormatError(PACKAGE, [`part ${part.ordinalNumber}: encrypted size or hash mismatch`]);
    }
    let decrypted: Buffer;
    try {
      decrypted = aes256CbcDecrypt(encrypted, key);
    } catch {
      throw new KsefResponseFormatError(PACKAGE, [`part ${part.ordinalNumber}: cannot decrypt with the export key`]);
    }
    if (sha256Base64(decrypted) !== part.partHash) throw new KsefResponseFormatError(PACKAGE, [`part ${part.ordinalNumber}: hash mismatch after decryption`]);
    plain.push(decrypted);
  }
  return Buffer.concat(plain);
}

const metadataFileSchema = z.object({ invoices: z.array(invoiceMetadataSchema) });

/** Unzips a package: `_metadata.json` plus `{ksefNumber}.xml` files. Anything malformed throws. */
export function readPackageArchive(archive: Buffer): ExportPackageContents {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(archive.buffer, archive.byteOffset, archive.length));
  } catch {
    throw new KsefResponseFormatError(PACKAGE, ['not a ZIP archive']);
  }
  const metadataBytes = entries['_metadata.json'];
  if (!metadataBytes) throw new KsefResponseFormatError(PACKAGE, ['_metadata.json missing']);
  let parsed;
  try {
    parsed = metadataFileSchema.safeParse(JSON.parse(Buffer.from(metadataBytes).toString('utf8')));
  } catch {
    throw new KsefResponseFormatError(PACKAGE, ['_metadata.json is not JSON']);
  }
  if (!parsed.success) throw new KsefResponseFormatError(PACKAGE, ['_metadata.json: ' + parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')]);
  const files = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('.xml')) files.set(name.slice(0, -4), Buffer.from(data));
  }
  return { metadata: parsed.data.invoices, files };
}
