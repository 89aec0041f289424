/** The session key: RSA-OAEP-wrapped AES-256 key with a separate IV (PROTOCOL §3, §20.1). */
import { z } from 'zod';
import type { SandboxDeps } from '../deps';
import { aes256CbcDecrypt, rsaOaepSha256Decrypt } from '../crypto/primitives';
import { sessionError } from './errors';

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const base64String = z.string().min(1).regex(base64, 'must be Base64');
export const sha256Base64String = z.string().length(44).regex(base64, 'must be Base64 SHA-256');

export const encryptionSchema = z.object({
  encryptedSymmetricKey: base64String,
  initializationVector: base64String,
  publicKeyId: z.string().length(44).nullish(),
});

/** Only FA(3) is served (PROTOCOL §5 table: `FA (3)` / `1-0E` / `FA`). */
export const formCodeSchema = z.object({ systemCode: z.string(), schemaVersion: z.string(), value: z.string() });

export function requireFa3FormCode(formCode: z.infer<typeof formCodeSchema>): void {
  if (formCode.systemCode !== 'FA (3)' || formCode.schemaVersion !== '1-0E' || formCode.value !== 'FA') {
    throw sessionError(
      21405,
      `formCode: nieobsługiwany formularz ${formCode.systemCode} ${formCode.schemaVersion} ${formCode.value}; sandbox obsługuje FA (3) 1-0E FA.`,
    );
  }
}

export interface UnwrappedKey {
  /** Base64 AES-256 key, or undefined when it could not be unwrapped (the session then gets status 415). */
  symmetricKey: string | undefined;
  initializationVector: string;
}

/**
 * Unknown `publicKeyId` is a 400 21470 (thrown by `keyFor`); a bad IV is an input error. A key that does not
 * decrypt is not a request error: KSeF opens the session and reports status 415 "Błąd odszyfrowania dostarczonego klucza".
 */
export function unwrapSessionKey(deps: SandboxDeps, encryption: z.infer<typeof encryptionSchema>, now: Date): UnwrappedKey {
  const key = deps.crypto.keyFor('SymmetricKeyEncryption', encryption.publicKeyId, now);
  const iv = Buffer.from(encryption.initializationVector, 'base64');
  if (iv.length !== 16) throw sessionError(21405, 'encryption.initializationVector: wektor inicjujący musi mieć 16 bajtów.');
  let symmetricKey: string | undefined;
  try {
    const aesKey = rsaOaepSha256Decrypt(key.privateKey, Buffer.from(encryption.encryptedSymmetricKey, 'base64'));
    symmetricKey = aesKey.length === 32 ? aesKey.toString('base64') : undefined;
  } catch {
    symmetricKey = undefined;
  }
  return { symmetricKey, initializationVector: encryption.initializationVector };
}

/** AES-256-CBC decryption with the session key; undefined when the ciphertext does not decrypt (wrong key/padding). */
export function decryptWithSessionKey(session: { symmetricKey?: string; initializationVector: string }, ciphertext: Buffer): Buffer | undefined {
  if (!session.symmetricKey) return undefined;
  try {
    return aes256CbcDecrypt(Buffer.from(session.symmetricKey, 'base64'), Buffer.from(session.initializationVector, 'base64'), ciphertext);
  } catch {
    return undefined;
  }
}
