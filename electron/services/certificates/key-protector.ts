import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { KeyProtectionError } from './errors';

/** Encrypts private keys at rest. The vault never writes a key without one. */
export interface KeyProtector {
  readonly kind: 'os-keychain' | 'passphrase';
  isAvailable(): boolean;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(blob: Buffer): Promise<Buffer>;
}

/** The part of Electron's `safeStorage` we use; passed in so this module never imports 'electron'. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** Linux backends that do not actually protect anything (a hard-coded password, or none). */
const INSECURE_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * OS keychain (Keychain, DPAPI, libsecret/kwallet) through Electron's safeStorage. Fails closed: when the OS
 * offers no real protection we refuse rather than silently storing keys under a well-known password.
 * safeStorage only takes strings, so the key travels as Base64 text that cannot be zeroed; the Buffers are.
 */
export class SafeStorageKeyProtector implements KeyProtector {
  readonly kind = 'os-keychain';

  constructor(private readonly safeStorage: SafeStorageLike) {}

  isAvailable(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    const backend = this.safeStorage.getSelectedStorageBackend?.();
    return backend === undefined || !INSECURE_LINUX_BACKENDS.has(backend);
  }

  private assertAvailable(): void {
    if (!this.isAvailable()) {
      const backend = this.safeStorage.getSelectedStorageBackend?.() ?? 'n/a';
      throw new KeyProtectionError('KEY_PROTECTION_UNAVAILABLE', `OS key protection is unavailable (backend: ${backend}).`);
    }
  }

  async encrypt(plain: Buffer): Promise<Buffer> {
    this.assertAvailable();
    return this.safeStorage.encryptString(plain.toString('base64'));
  }

  async decrypt(blob: Buffer): Promise<Buffer> {
    this.assertAvailable();
    let text: string;
    try {
      text = this.safeStorage.decryptString(blob);
    } catch (error) {
      throw new KeyProtectionError('CORRUPT_KEY_BLOB', 'The OS keychain could not decrypt the key.', { cause: error });
    }
    return Buffer.from(text, 'base64');
  }
}

// Blob: MAGIC(4) | version(1) | log2(N)(1) | r(1) | p(1) | salt(16) | iv(12) | tag(16) | ciphertext.
const MAGIC = Buffer.from('KDPK', 'ascii');
const FORMAT_VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 4 + SALT_BYTES + IV_BYTES;
/** What new blobs use: OWASP's scrypt guidance (N = 2^17, r = 8, p = 1), about 0.6 s and 128 MiB per derivation. */
export const DEFAULT_SCRYPT_COST_LOG2 = 17;
const DEFAULT_BLOCK_SIZE = 8;
const DEFAULT_PARALLELIZATION = 1;
/** Oldest parameters still opened (files written before the upgrade to 2^17); they are re-wrapped on unlock. */
export const MIN_SCRYPT_COST_LOG2 = 15;

export interface ScryptParameters {
  costLog2: number;
  blockSize: number;
  parallelization: number;
}

/** The parameters a passphrase blob records about itself, or null when it is not one of ours. */
export function passphraseBlobParameters(blob: Buffer): ScryptParameters | null {
  if (blob.length < HEADER_BYTES + TAG_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const [version, costLog2, blockSize, parallelization] = blob.subarray(MAGIC.length, MAGIC.length + 4);
  if (version !== FORMAT_VERSION || costLog2 === undefined || blockSize === undefined || parallelization === undefined) return null;
  return { costLog2, blockSize, parallelization };
}

/** Memory cost (N·r) as the measure of strength; p only multiplies time. */
function weaker(a: ScryptParameters, b: ScryptParameters): boolean {
  return 2 ** a.costLog2 * a.blockSize < 2 ** b.costLog2 * b.blockSize || a.parallelization < b.parallelization;
}

function deriveKey(passphrase: Buffer, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** parameters.costLog2,
    r: parameters.blockSize,
    p: parameters.parallelization,
    // scrypt needs 128·N·r bytes (128 MiB at N=2^17, r=8); node's default 32 MiB cap is too small, so allow twice that.
    maxmem: 2 * 128 * 2 ** parameters.costLog2 * parameters.blockSize,
  };
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A user passphrase, for systems without a usable keychain: scrypt + AES-256-GCM, versioned blobs. */
export class PassphraseKeyProtector implements KeyProtector {
  readonly kind = 'passphrase';
  private readonly passphrase: Buffer;
  private readonly costLog2: number;
  private disposed = false;
  /**
   * scrypt costs ~0.6 s and 128 MiB per derivation, so each (salt, parameters) is derived once per unlock:
   * blobs written in this run share one salt (each still has its own IV), blobs read are cached by theirs.
   * The keys protect nothing the held passphrase does not already; they are zeroed with it.
   */
  private readonly ownSalt = randomBytes(SALT_BYTES);
  private readonly derived = new Map<string, Promise<Buffer>>();

  /** `costLog2` below the default is for tests and for measuring only; never below what we still open. */
  constructor(passphrase: string, options: { costLog2?: number } = {}) {
    this.passphrase = Buffer.from(passphrase, 'utf8');
    this.costLog2 = Math.max(MIN_SCRYPT_COST_LOG2, options.costLog2 ?? DEFAULT_SCRYPT_COST_LOG2);
  }

  /** The parameters new blobs get. */
  get parameters(): ScryptParameters {
    return { costLog2: this.costLog2, blockSize: DEFAULT_BLOCK_SIZE, parallelization: DEFAULT_PARALLELIZATION };
  }

  /** True for one of our blobs written with weaker parameters than this protector uses now. */
  needsUpgrade(blob: Buffer): boolean {
    const recorded = passphraseBlobParameters(blob);
    return recorded !== null && weaker(recorded, this.parameters);
  }

  isAvailable(): boolean {
    return !this.disposed && this.passphrase.length > 0;
  }

  /** Zeroes the held passphrase and every derived key; the protector is unusable afterwards. */
  dispose(): void {
    this.passphrase.fill(0);
    this.disposed = true;
    const keys = [...this.derived.values()];
    this.derived.clear();
    for (const key of keys) void key.then((bytes) => bytes.fill(0), () => undefined);
  }

  private key(salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
    const id = `${parameters.costLog2}:${parameters.blockSize}:${parameters.parallelization}:${salt.toString('hex')}`;
    let key = this.derived.get(id);
    if (key === undefined) {
      key = deriveKey(this.passphrase, Buffer.from(salt), parameters);
      this.derived.set(id, key);
      key.catch(() => this.derived.delete(id));
    }
    return key;
  }

  async encrypt(plain: Buffer): Promise<Buffer> {
    if (!this.isAvailable()) throw new KeyProtectionError('KEY_PROTECTION_UNAVAILABLE', 'No passphrase set.');
    const parameters = this.parameters;
    const salt = this.ownSalt;
    const iv = randomBytes(IV_BYTES);
    const header = Buffer.concat([
      MAGIC,
      Buffer.from([FORMAT_VERSION, parameters.costLog2, parameters.blockSize, parameters.parallelization]),
      salt,
      iv,
    ]);
    const key = await this.key(salt, parameters);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(header);
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([header, cipher.getAuthTag(), ciphertext]);
  }

  async decrypt(blob: Buffer): Promise<Buffer> {
    if (this.disposed) throw new KeyProtectionError('KEY_PROTECTION_UNAVAILABLE', 'The passphrase was disposed.');
    if (blob.length < HEADER_BYTES + TAG_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new KeyProtectionError('CORRUPT_KEY_BLOB', 'Not a passphrase-protected key blob.');
    }
    const [version, costLog2, blockSize, parallelization] = blob.subarray(MAGIC.length, MAGIC.length + 4);
    if (version !== FORMAT_VERSION || costLog2 === undefined || blockSize === undefined || parallelization === undefined) {
      throw new KeyProtectionError('CORRUPT_KEY_BLOB', `Unsupported key blob version ${version ?? '?'}.`);
    }
    if (costLog2 < MIN_SCRYPT_COST_LOG2 || costLog2 > 22 || blockSize < 1 || blockSize > 32 || parallelization < 1 || parallelization > 16) {
      throw new KeyProtectionError('CORRUPT_KEY_BLOB', 'Key blob has out-of-range scrypt parameters.');
    }
    const header = blob.subarray(0, HEADER_BYTES);
    const salt = blob.subarray(MAGIC.length + 4, MAGIC.length + 4 + SALT_BYTES);
    const iv = blob.subarray(MAGIC.length + 4 + SALT_BYTES, HEADER_BYTES);
    const tag = blob.subarray(HEADER_BYTES, HEADER_BYTES + TAG_BYTES);
    const ciphertext = blob.subarray(HEADER_BYTES + TAG_BYTES);
    const key = await this.key(salt, { costLog2, blockSize, parallelization });
    const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(header).setAuthTag(tag);
    const plain = decipher.update(ciphertext);
    try {
      return Buffer.concat([plain, decipher.final()]);
    } catch (error) {
      // GCM cannot tell a wrong passphrase from a tampered blob; the former is what users hit.
      throw new KeyProtectionError('WRONG_PASSPHRASE', 'The passphrase does not decrypt the key.', { cause: error });
    } finally {
      plain.fill(0);
    }
  }
}
