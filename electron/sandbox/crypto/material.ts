import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { badRequest } from '../server/errors';
import type { SandboxStore } from '../state/store';
import { createSandboxCa, loadSandboxCa, type SandboxCa } from './ca';
import { createPublishedKey, describePublishedKey, type PublicKeyUsage, type PublishedKey } from './public-keys';

interface StoredCryptoMaterial {
  caCertDer: Buffer;
  caKeyPkcs8: Buffer;
  publishedKeys: { usage: PublicKeyUsage; certDer: Buffer; keyPkcs8: Buffer }[];
  jwtKeyPkcs8: Buffer;
}

/** All key material of one sandbox instance; persisted so tokens and certificates survive a restart. */
export interface SandboxCrypto {
  ca: SandboxCa;
  publishedKeys: PublishedKey[];
  /** ES256 key that signs the sandbox's JWTs. */
  jwtSigningKey: KeyObject;
  jwtVerifyKey: KeyObject;
  /** The key to decrypt with: by publicKeyId when given (unknown or wrong usage → 400 21470), else the newest valid one. */
  keyFor(usage: PublicKeyUsage, publicKeyId: string | null | undefined, now: Date): PublishedKey;
}

export async function loadOrCreateCrypto(store: SandboxStore, now: Date): Promise<SandboxCrypto> {
  let stored = store.slice<StoredCryptoMaterial | null>('crypto', () => null);
  if (!stored) {
    const ca = await createSandboxCa(now);
    const keys = [await createPublishedKey(ca, 'SymmetricKeyEncryption', now), await createPublishedKey(ca, 'KsefTokenEncryption', now)];
    const jwtKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    stored = {
      caCertDer: ca.der,
      caKeyPkcs8: ca.keyPkcs8,
      publishedKeys: keys.map((k) => ({ usage: k.usage, certDer: k.certificateDer, keyPkcs8: k.keyPkcs8 })),
      jwtKeyPkcs8: jwtKey.export({ type: 'pkcs8', format: 'der' }),
    };
    store.setSlice('crypto', stored);
  }
  const ca = await loadSandboxCa(stored.caCertDer, stored.caKeyPkcs8);
  const publishedKeys = stored.publishedKeys.map((k) => describePublishedKey(k.usage, k.certDer, k.keyPkcs8));
  const jwtSigningKey = createPrivateKey({ key: stored.jwtKeyPkcs8, format: 'der', type: 'pkcs8' });
  return {
    ca,
    publishedKeys,
    jwtSigningKey,
    jwtVerifyKey: createPublicKey(jwtSigningKey),
    keyFor(usage, publicKeyId, at) {
      if (publicKeyId) {
        const match = publishedKeys.find((k) => k.publicKeyId === publicKeyId && k.usage === usage);
        if (!match) throw badRequest(21470, `Klucz o identyfikatorze ${publicKeyId} nie jest wspierany.`);
        return match;
      }
      const valid = publishedKeys
        .filter((k) => k.usage === usage && k.validFrom <= at && at <= k.validTo)
        .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime());
      const chosen = valid[0] ?? publishedKeys.find((k) => k.usage === usage);
      if (!chosen) throw new Error(`no published key for ${usage}`);
      return chosen;
    },
  };
}
