import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';
import { MAX_PASSWORD_LENGTH, MIN_PASSPHRASE_LENGTH, noInput } from './limits';

/**
 * How private keys are protected at rest. 'os-keychain': the operating system's key store (Electron
 * safeStorage), always unlocked. 'passphrase': a key derived from a passphrase the user types once per run.
 */
export interface VaultStatus {
  mode: 'os-keychain' | 'passphrase';
  /** 'notSet': no passphrase chosen yet (first use); 'locked': set, not typed in this run. */
  state: 'unlocked' | 'locked' | 'notSet';
}

const passphrase = z.string().max(MAX_PASSWORD_LENGTH);

export const vaultChannels = {
  'vault:status': defineChannel(noInput).returns<VaultStatus>(),
  /** First use: choose the passphrase (the renderer asks twice; main needs it once). */
  'vault:setPassphrase': defineChannel(z.object({ passphrase: passphrase.min(MIN_PASSPHRASE_LENGTH) }).strict()).returns<VaultStatus>(),
  'vault:unlock': defineChannel(z.object({ passphrase: passphrase.min(1) }).strict()).returns<VaultStatus>(),
  'vault:lock': defineChannel(noInput).returns<VaultStatus>(),
} as const;

export const vaultEvents = {
  'vault:changed': defineEvent<VaultStatus>(),
} as const;
