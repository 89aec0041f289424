import type { SandboxLauncher } from '../services/environment/environment-runtime';

/**
 * How the app starts its in-process KSeF sandbox. Replaced by the real sandbox wiring once the
 * sandbox server module lands; until then the sandbox environment reports no API URL.
 */
export function createSandboxLauncher(_profileDir: string, _log: (line: string) => void): SandboxLauncher | undefined {
  return undefined;
}
