import { chmod, mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-write';
import { VaultError } from './errors';

/** On-disk layout: `<dir>/vault.json` (metadata, public data only) and `<dir>/<id>.key` (encrypted PKCS#8). */
export const METADATA_FILE = 'vault.json';
const ENTRY_ID = /^[0-9a-f-]{36}$/;
const NIP_OR_GLOBAL = /^(\d{10}|\*)$/;

const storedEntrySchema = z.object({
  id: z.string().regex(ENTRY_ID),
  label: z.string().min(1).max(100),
  source: z.enum(['imported', 'test', 'ksef']),
  ksefCertificateType: z.enum(['Authentication', 'Offline']).optional(),
  fingerprintSha256: z.string().regex(/^[0-9A-F]{64}$/),
  certificateDerBase64: z.string().min(1),
  chainDerBase64: z.array(z.string()),
  protection: z.enum(['os-keychain', 'passphrase']),
  createdAt: z.iso.datetime(),
  /** When KSeF revoked (or blocked, on its way to revocation) this certificate; optional so older files still read. */
  revokedAt: z.iso.datetime().optional(),
});
export type StoredEntry = z.infer<typeof storedEntrySchema>;

const metadataSchema = z.object({
  version: z.literal(1),
  entries: z.array(storedEntrySchema),
  /** Context NIP (or `*` for "any context") → entry id used by default to sign in there. */
  defaults: z.record(z.string().regex(NIP_OR_GLOBAL), z.string().regex(ENTRY_ID)),
});
export type VaultMetadata = z.infer<typeof metadataSchema>;

export function emptyMetadata(): VaultMetadata {
  return { version: 1, entries: [], defaults: {} };
}

export function keyFileName(id: string): string {
  if (!ENTRY_ID.test(id)) throw new VaultError('ENTRY_NOT_FOUND', `Invalid entry id ${id}.`); // no path tricks
  return `${id}.key`;
}

/** Owner-only directory; chmod as well because mkdir keeps the mode of an existing directory. */
export async function ensurePrivateDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/** The vault's files are written atomically (temp 0600 + fsync + rename), see storage/atomic-write. */
export function writeVaultFile(dir: string, fileName: string, data: Buffer): Promise<void> {
  return writeFileAtomic(join(dir, fileName), data);
}

export async function readMetadata(dir: string): Promise<VaultMetadata> {
  let text: string;
  try {
    text = await readFile(join(dir, METADATA_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyMetadata();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new VaultError('VAULT_CORRUPT', 'vault.json is not valid JSON.', { cause: error });
  }
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) throw new VaultError('VAULT_CORRUPT', `vault.json is invalid: ${parsed.error.message}`);
  return parsed.data;
}

export async function writeMetadata(dir: string, metadata: VaultMetadata): Promise<void> {
  await writeVaultFile(dir, METADATA_FILE, Buffer.from(JSON.stringify(metadata, null, 2), 'utf8'));
}

export async function readKeyFile(dir: string, id: string): Promise<Buffer> {
  try {
    return await readFile(join(dir, keyFileName(id)));
  } catch (error) {
    throw new VaultError('VAULT_CORRUPT', `The key file of entry ${id} is missing.`, { cause: error });
  }
}

export async function deleteKeyFile(dir: string, id: string): Promise<void> {
  await unlink(join(dir, keyFileName(id))).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
