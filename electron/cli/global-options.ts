import { ENVIRONMENTS, isEnvironment, type KsefEnvironment } from '../../shared/domain/environments';
import { CliError } from './output';

export interface GlobalOptions {
  profile?: string;
  env?: KsefEnvironment;
  baseUrl?: string;
  json: boolean;
  /** File holding the key-store passphrase (else KSEF_DESK_VAULT_PASSPHRASE). */
  passphraseFile?: string;
}

/** Validates commander's raw global options once, so commands get typed values. */
export function parseGlobalOptions(raw: Record<string, unknown>): GlobalOptions {
  const env = raw.env;
  if (env !== undefined && !isEnvironment(env)) {
    throw new CliError(`--env must be one of ${ENVIRONMENTS.join(', ')}`, 'INVALID_INPUT');
  }
  const baseUrl = raw.baseUrl;
  if (baseUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(String(baseUrl));
    } catch {
      throw new CliError('--base-url must be an absolute http(s) URL', 'INVALID_INPUT');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new CliError('--base-url must be an absolute http(s) URL', 'INVALID_INPUT');
    }
  }
  return {
    profile: typeof raw.profile === 'string' ? raw.profile : undefined,
    env: env as KsefEnvironment | undefined,
    baseUrl: typeof baseUrl === 'string' ? baseUrl.replace(/\/+$/, '') : undefined,
    json: raw.json === true,
    ...(typeof raw.passphraseFile === 'string' ? { passphraseFile: raw.passphraseFile } : {}),
  };
}
