import type { VaultStatus } from '../../../shared/ipc/channels/vault';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/ipc/channels/limits';
import { passphraseStrength } from '../../../shared/domain/passphrase-strength';
import { PassphraseKeyProtector, type KeyProtector } from '../certificates';
import { AppError } from '../errors/app-error';
import { upgradeProtectedFiles } from './kdf-upgrade';
import { LockableKeyProtector } from './lockable-key-protector';
import { readVerifier, verifierMatches, writeVerifier } from './passphrase-verifier';
import { SerialQueue } from '../storage/serial-queue';

export interface VaultAccessDeps {
  profileDir: string;
  /** Electron's safeStorage adapter; used only when it really protects (it fails closed otherwise). */
  osKeyProtector?: KeyProtector | null;
  clock: { now(): Date };
  onChange?: (status: VaultStatus) => void;
  /** Tests may lower the scrypt cost (never below the protector's minimum); production uses the default 2^17. */
  scryptCostLog2?: number;
  log?: (line: string) => void;
}

/**
 * Decides how private keys are protected at rest and holds the unlocked protector for this run:
 * the OS key store where Electron offers a real one, else a passphrase typed once per run.
 */
export class VaultAccess {
  readonly protector: LockableKeyProtector;
  /** Serialises set/unlock so two windows cannot race on the verifier file. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: VaultAccessDeps) {
    const os = deps.osKeyProtector;
    if (os && os.isAvailable()) {
      this.protector = new LockableKeyProtector('os-keychain');
      this.protector.unlock(os);
    } else {
      this.protector = new LockableKeyProtector('passphrase');
    }
  }

  get mode(): VaultStatus['mode'] {
    return this.protector.kind;
  }

  async status(): Promise<VaultStatus> {
    if (this.protector.isUnlocked) return { mode: this.mode, state: 'unlocked' };
    const verifier = await readVerifier(this.deps.profileDir);
    return { mode: this.mode, state: verifier ? 'locked' : 'notSet' };
  }

  /** First use: choose the passphrase. Refused once one is set (that would orphan every stored key). */
  setPassphrase(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.assertPassphraseMode();
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new AppError('INVALID_INPUT', 'passphrase too short', ['passphrase']);
      if (await readVerifier(this.deps.profileDir)) throw new AppError('ALREADY_EXISTS', 'a key store passphrase is already set');
      // The renderer shows the same meter; main decides, so no caller (IPC, CLI) can skip it.
      const strength = passphraseStrength(passphrase, MIN_PASSPHRASE_LENGTH);
      if (!strength.acceptable) throw new AppError('WEAK_PASSPHRASE', 'passphrase too easy to guess', [`score:${strength.score}`]);
      const protector = this.newProtector(passphrase);
      await writeVerifier(this.deps.profileDir, protector, this.deps.clock.now());
      this.protector.unlock(protector);
      return this.changed();
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.assertPassphraseMode();
      const verifier = await readVerifier(this.deps.profileDir);
      if (!verifier) throw new AppError('NOT_FOUND', 'no key store passphrase has been set yet');
      const protector = this.newProtector(passphrase);
      if (!(await verifierMatches(verifier, protector))) {
        protector.dispose();
        throw new AppError('WRONG_PASSPHRASE', 'wrong key store passphrase');
      }
      await this.upgradeKdf(verifier, protector);
      this.protector.unlock(protector);
      return this.changed();
    });
  }

  /** For the CLI: unlock, or on a fresh profile set the passphrase on first use. */
  async unlockOrInitialize(passphrase: string): Promise<VaultStatus> {
    const current = await this.status();
    if (current.state === 'unlocked') return current;
    return current.state === 'notSet' ? this.setPassphrase(passphrase) : this.unlock(passphrase);
  }

  async lock(): Promise<VaultStatus> {
    if (this.mode === 'passphrase') this.protector.lock();
    return this.changed();
  }

  /** Throws VAULT_LOCKED so callers (and the UI) know to ask for the passphrase first. */
  async assertUnlocked(): Promise<void> {
    if (this.protector.isUnlocked) return;
    const status = await this.status();
    throw new AppError('VAULT_LOCKED', 'the key store is locked', [status.state]);
  }

  /**
   * Files written with older (weaker) scrypt parameters are re-encrypted with the current ones while the
   * passphrase is at hand, before the vault can be used; the verifier last, so an interrupted upgrade reruns.
   */
  private async upgradeKdf(verifier: Buffer, protector: PassphraseKeyProtector): Promise<void> {
    const upgraded = await upgradeProtectedFiles(this.deps.profileDir, protector);
    if (protector.needsUpgrade(verifier)) await writeVerifier(this.deps.profileDir, protector, this.deps.clock.now());
    if (upgraded > 0) this.deps.log?.(`key store: ${upgraded} file(s) re-encrypted with scrypt N=2^${protector.parameters.costLog2}`);
  }

  private newProtector(passphrase: string): PassphraseKeyProtector {
    return new PassphraseKeyProtector(passphrase, this.deps.scryptCostLog2 === undefined ? {} : { costLog2: this.deps.scryptCostLog2 });
  }

  private assertPassphraseMode(): void {
    if (this.mode !== 'passphrase') throw new AppError('INVALID_INPUT', 'keys are protected by the OS key store', ['mode']);
  }

  private async changed(): Promise<VaultStatus> {
    const status = await this.status();
    this.deps.onChange?.(status);
    return status;
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    return this.queue.run(operation);
  }
}
