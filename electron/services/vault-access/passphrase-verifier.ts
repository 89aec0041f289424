import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { KeyProtectionError } from '../certificates';
import { AppError } from '../errors/app-error';
import { writeFileAtomic } from '../storage/atomic-write';

/**
 * A small blob encrypted with the key-store passphrase, so `unlock` can tell a wrong passphrase before
 * any private key is touched. The plaintext is a fixed marker: it protects nothing, it only proves.
 */
export const VERIFIER_FILE = 'key-store.json';
export const VERIFIER_PLAINTEXT = Buffer.from('KSeF Desk key store v1', 'utf8');

const verifierFileSchema = z.object({
  version: z.literal(1),
  kind: z.literal('passphrase'),
  verifierBase64: z.string().min(1).max(4096),
  createdAt: z.string(),
});

export interface PassphraseCipher {
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(blob: Buffer): Promise<Buffer>;
}

export async function readVerifier(profileDir: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path.join(profileDir, VERIFIER_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('STORAGE_ERROR', 'cannot read the key store verifier', [VERIFIER_FILE]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('STORAGE_ERROR', 'key store verifier is not JSON', [VERIFIER_FILE]);
  }
  const parsed = verifierFileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('STORAGE_ERROR', 'key store verifier is invalid', [VERIFIER_FILE]);
  return Buffer.from(parsed.data.verifierBase64, 'base64');
}

export async function writeVerifier(profileDir: string, cipher: PassphraseCipher, now: Date): Promise<void> {
  const blob = await cipher.encrypt(VERIFIER_PLAINTEXT);
  const content = { version: 1, kind: 'passphrase', verifierBase64: blob.toString('base64'), createdAt: now.toISOString() };
  await writeFileAtomic(path.join(profileDir, VERIFIER_FILE), JSON.stringify(content, null, 2));
}

/** True when the cipher decrypts the verifier to the marker; false for a wrong passphrase. */
export async function verifierMatches(blob: Buffer, cipher: PassphraseCipher): Promise<boolean> {
  try {
    const plain = await cipher.decrypt(blob);
    const matches = plain.equals(VERIFIER_PLAINTEXT);
    plain.fill(0);
    return matches;
  } catch (error) {
    if (error instanceof KeyProtectionError && error.code === 'WRONG_PASSPHRASE') return false;
    throw new AppError('STORAGE_ERROR', 'the key store verifier is damaged', [VERIFIER_FILE]);
  }
}
