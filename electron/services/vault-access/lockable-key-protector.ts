import { KeyProtectionError, type KeyProtector } from '../certificates';

/**
 * The vault is built once with one protector; the passphrase arrives later (typed by the user once per
 * run). This protector stands in for it: locked until `unlock` hands it the real one.
 */
export class LockableKeyProtector implements KeyProtector {
  private inner: KeyProtector | null = null;

  constructor(readonly kind: KeyProtector['kind']) {}

  get isUnlocked(): boolean {
    return this.inner !== null;
  }

  unlock(inner: KeyProtector): void {
    if (inner.kind !== this.kind) throw new Error(`expected a ${this.kind} protector, got ${inner.kind}`);
    this.lock();
    this.inner = inner;
  }

  /** Forgets the inner protector; a passphrase protector also zeroes its passphrase. */
  lock(): void {
    const previous = this.inner;
    this.inner = null;
    if (previous && 'dispose' in previous && typeof previous.dispose === 'function') previous.dispose();
  }

  isAvailable(): boolean {
    return this.inner?.isAvailable() ?? false;
  }

  async encrypt(plain: Buffer): Promise<Buffer> {
    return this.current().encrypt(plain);
  }

  async decrypt(blob: Buffer): Promise<Buffer> {
    return this.current().decrypt(blob);
  }

  private current(): KeyProtector {
    if (this.inner === null) throw new KeyProtectionError('KEY_PROTECTION_UNAVAILABLE', 'The key store is locked.');
    return this.inner;
  }
}
