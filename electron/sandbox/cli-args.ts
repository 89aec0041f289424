import type { SandboxOptions } from './index';

export class SandboxArgsError extends Error {
  override readonly name = 'SandboxArgsError';
}

const NIP = /^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/;

/**
 * `--port N --host H --state FILE --limits official|off --faults SPEC --admin-secret S --schema-dir DIR --seed-received NIP:COUNT`
 * (the last repeatable).
 * Accepts `--name value` and `--name=value`.
 */
export function parseSandboxArgs(argv: readonly string[]): SandboxOptions {
  const options: SandboxOptions = {};
  const seeds: { nip: string; count: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new SandboxArgsError(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new SandboxArgsError(`--${name} needs a value`);
      return next;
    };
    switch (name) {
      case 'port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SandboxArgsError('--port must be 0-65535');
        options.port = port;
        break;
      }
      case 'host':
        options.host = value();
        break;
      case 'state':
        options.stateFile = value();
        break;
      case 'limits': {
        const mode = value();
        if (mode !== 'official' && mode !== 'off') throw new SandboxArgsError('--limits must be official or off');
        options.limits = mode;
        break;
      }
      case 'faults':
        options.faults = value();
        break;
      case 'admin-secret': {
        const secret = value();
        if (secret.length < 16) throw new SandboxArgsError('--admin-secret needs at least 16 characters');
        options.adminSecret = secret;
        break;
      }
      case 'schema-dir':
        options.schemaDir = value();
        break;
      case 'seed-received': {
        const match = /^(\d{10}):(\d+)$/.exec(value());
        if (!match || !NIP.test(match[1]!)) throw new SandboxArgsError('--seed-received expects NIP:COUNT, e.g. 5265877635:50');
        seeds.push({ nip: match[1]!, count: Number(match[2]) });
        break;
      }
      default:
        throw new SandboxArgsError(`unknown option --${name}`);
    }
  }
  if (seeds.length) options.seedReceived = seeds;
  return options;
}
