import { readFile, stat } from 'node:fs/promises';
import type { AuthStatus } from '../../shared/ipc/channels/auth';
import type { Channel } from '../../shared/ipc/contract';
import type { RequestOf, ResponseOf } from '../../shared/ipc/types';
import { isAppError } from '../services/errors/app-error';
import { createSandboxLauncher } from '../services/environment/sandbox-launcher';
import type { GlobalOptions } from './global-options';
import { createNodeRoot } from './node-root';
import { appErrorToCliError, CliError } from './output';

export type CliRoot = ReturnType<typeof createNodeRoot>;

/** `--cert ID` or `--token-file F`: how a command that needs KSeF signs in first, within this process. */
export interface SignInOptions {
  cert?: string;
  tokenFile?: string;
}

const MAX_SECRET_FILE_BYTES = 4096;

/** A Node root for one CLI command; the caller closes it (logs out, stops an in-process sandbox). */
export function openRoot(options: GlobalOptions): CliRoot {
  const root = createNodeRoot({ profile: options.profile, environment: options.env, baseUrl: options.baseUrl });
  // Without --base-url the sandbox environment runs in this process, on the profile's sandbox state.
  if (!options.baseUrl) root.environment.setSandboxLauncher(createSandboxLauncher(root.profileDir, () => undefined));
  return root;
}

export async function withRoot<T>(options: GlobalOptions, command: (root: CliRoot) => Promise<T>): Promise<T> {
  const root = openRoot(options);
  try {
    return await asCliErrors(() => command(root));
  } finally {
    await root.close();
  }
}

/** One IPC channel through the same dispatcher the UI uses (same validation, same error codes). */
export async function call<C extends Channel>(root: CliRoot, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await root.dispatch(channel, request);
  if (!result.ok) throw appErrorToCliError(result.error);
  return result.value as ResponseOf<C>;
}

/** Unlocks the key store from --passphrase-file / KSEF_DESK_VAULT_PASSPHRASE; sets it on a fresh profile. */
export async function unlockVault(root: CliRoot, options: GlobalOptions): Promise<void> {
  const status = await root.account.vaultAccess.status();
  if (status.state === 'unlocked') return;
  const passphrase = options.passphraseFile ? await readSecretFile(options.passphraseFile, '--passphrase-file') : process.env.KSEF_DESK_VAULT_PASSPHRASE;
  if (!passphrase) {
    throw new CliError('The key store needs its passphrase: pass --passphrase-file FILE or set KSEF_DESK_VAULT_PASSPHRASE', 'VAULT_LOCKED');
  }
  await asCliErrors(() => root.account.vaultAccess.unlockOrInitialize(passphrase));
}

/** Signs in to the NIP context with a vault certificate (default one if no id) or a token file. */
export async function signIn(root: CliRoot, options: GlobalOptions, nip: string, how: SignInOptions): Promise<AuthStatus> {
  if (how.cert && how.tokenFile) throw new CliError('Use either --cert or --token-file, not both', 'INVALID_INPUT');
  if (how.tokenFile) {
    const token = await readSecretFile(how.tokenFile, '--token-file');
    return asCliErrors(() => root.account.auth.login(nip, { kind: 'tokenSecret', token, description: 'KSeF token (CLI)' }));
  }
  await unlockVault(root, options);
  return call(root, 'auth:login', { nip, method: { kind: 'certificate', ...(how.cert ? { certificateId: how.cert } : {}) } });
}

/** Reads a small secret file (password, passphrase, token): trailing newline dropped, size capped. */
export async function readSecretFile(file: string, option: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_SECRET_FILE_BYTES) throw new CliError(`${option}: file too large`, 'INVALID_INPUT');
    return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${option}: cannot read ${file}`, 'INVALID_INPUT');
  }
}

/** Services throw AppError; the CLI reports its code. */
export async function asCliErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isAppError(error)) throw appErrorToCliError({ code: error.code, details: error.details });
    throw error;
  }
}

export function describeSession(status: AuthStatus): string {
  const session = status.session;
  if (!session) return `Not signed in (${status.environment})`;
  const identifier = session.identifier ? ` (${session.identifier.type.toUpperCase()} ${session.identifier.value})` : '';
  return `Signed in as ${session.who}${identifier} with a ${session.method === 'certificate' ? 'certificate' : 'KSeF token'} in context NIP ${session.contextNip}, environment ${status.environment}, reference ${session.referenceNumber}`;
}
