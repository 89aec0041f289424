import { z } from 'zod';
import { rsaOaepSha256Encrypt } from './encryption';
import { KsefApiError, KsefResponseFormatError } from './http/errors';
import type { KsefTransport } from './http/transport';
import { parseKsefDateTime, systemTime, type KsefTime } from './time';

export type PublicKeyUsage = 'KsefTokenEncryption' | 'SymmetricKeyEncryption';

/** Unknown or withdrawn publicKeyId (PROTOCOL §3): re-download the list and try again. */
export const UNKNOWN_PUBLIC_KEY_CODE = 21470;

const publicKeyCertificateSchema = z.object({
  certificate: z.string().min(1),
  certificateId: z.string(),
  publicKeyId: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  // Unknown usages of future API versions are kept as strings and simply never selected.
  usage: z.array(z.string()),
});

export interface KsefPublicKey {
  /** DER X.509. */
  certificateDer: Buffer;
  certificateId: string;
  publicKeyId: string;
  validFrom: Date;
  validTo: Date;
  usage: string[];
}

export interface EncryptedForKsef {
  /** Base64 ciphertext. */
  encrypted: string;
  publicKeyId: string;
}

const CACHE_TTL_MS = 6 * 3600_000;

/**
 * The MF public keys from GET /security/public-key-certificates, cached. Selection follows the docs
 * and the C# client: currently valid, right usage, latest validFrom.
 */
export class KsefPublicKeys {
  private cached: { keys: KsefPublicKey[]; fetchedAt: number } | undefined;
  private inFlight: Promise<KsefPublicKey[]> | undefined;

  constructor(
    private readonly transport: KsefTransport,
    private readonly time: KsefTime = systemTime,
  ) {}

  async all(): Promise<KsefPublicKey[]> {
    if (this.cached && this.time.now() - this.cached.fetchedAt < CACHE_TTL_MS) return this.cached.keys;
    this.inFlight ??= this.download().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  async select(usage: PublicKeyUsage): Promise<KsefPublicKey> {
    const fromCache = selectKey(await this.all(), usage, this.time.now());
    if (fromCache) return fromCache;
    // The cached list may predate a rotation; one fresh look before giving up.
    this.invalidate();
    const fresh = selectKey(await this.all(), usage, this.time.now());
    if (!fresh) throw new KsefResponseFormatError('GET /security/public-key-certificates', [`no currently valid ${usage} key`]);
    return fresh;
  }

  /** RSA-OAEP-encrypts `plaintext` to the key of `usage`. */
  async encrypt(usage: PublicKeyUsage, plaintext: Buffer | string): Promise<EncryptedForKsef> {
    const key = await this.select(usage);
    return { encrypted: rsaOaepSha256Encrypt(key.certificateDer, plaintext).toString('base64'), publicKeyId: key.publicKeyId };
  }

  /**
   * Runs `attempt` (which encrypts with `encrypt`/`select`); when KSeF answers 21470 (key withdrawn or
   * rotated) the key list is downloaded again and `attempt` runs once more.
   */
  async retryOnUnknownKey<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof KsefApiError) || !error.hasCode(UNKNOWN_PUBLIC_KEY_CODE)) throw error;
      this.invalidate();
      return attempt();
    }
  }

  private async download(): Promise<KsefPublicKey[]> {
    const list = await this.transport.sendJson(
      { method: 'GET', path: '/security/public-key-certificates', template: '/security/public-key-certificates' },
      z.array(publicKeyCertificateSchema),
    );
    const keys = list.map((item) => ({
      certificateDer: Buffer.from(item.certificate, 'base64'),
      certificateId: item.certificateId,
      publicKeyId: item.publicKeyId,
      validFrom: parseKsefDateTime(item.validFrom),
      validTo: parseKsefDateTime(item.validTo),
      usage: item.usage,
    }));
    this.cached = { keys, fetchedAt: this.time.now() };
    return keys;
  }
}

/** Valid at `nowMs`, has `usage`, latest validFrom wins. */
export function selectKey(keys: readonly KsefPublicKey[], usage: PublicKeyUsage, nowMs: number): KsefPublicKey | undefined {
  return keys
    .filter((k) => k.usage.includes(usage) && k.validFrom.getTime() <= nowMs && nowMs <= k.validTo.getTime())
    .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0];
}
