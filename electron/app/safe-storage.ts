import { safeStorage } from 'electron';
import { SafeStorageKeyProtector, type KeyProtector } from '../services/certificates';

/**
 * The OS key store through Electron's safeStorage. The protector fails closed (no real backend, e.g.
 * Linux `basic_text`), and then the app asks for a key-store passphrase instead.
 */
export function createOsKeyProtector(): KeyProtector {
  return new SafeStorageKeyProtector(safeStorage);
}
