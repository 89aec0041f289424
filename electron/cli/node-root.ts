import { mkdirSync } from 'node:fs';
import type { KsefEnvironment } from '../../shared/domain/environments';
import { createAppCore, type AppCore } from '../services/app/app-core';
import type { SandboxLauncher } from '../services/environment/environment-runtime';
import { createConfEngine } from '../services/settings/conf-engine';
import { resolveProfileDir } from '../services/storage/profile-dir';

export interface NodeRootOptions {
  profile?: string;
  environment?: KsefEnvironment;
  baseUrl?: string;
  launchSandbox?: SandboxLauncher;
  log?: (line: string) => void;
}

/** Version stamped in by the build; tests running from source see the dev marker. */
export const APP_VERSION = process.env.KSEF_DESK_VERSION ?? '0.0.0-dev';

/**
 * Composition root for browser mode and the CLI: the same services as Electron's main.ts, with
 * Node adapters (conf for settings, a profile directory chosen by --profile or KSEF_DESK_PROFILE).
 */
export function createNodeRoot(options: NodeRootOptions): AppCore & { profileDir: string } {
  const profileDir = resolveProfileDir(options.profile);
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const core = createAppCore({
    shell: 'browser',
    version: APP_VERSION,
    profileDir,
    settingsEngine: createConfEngine(profileDir),
    environmentOverride: options.environment,
    baseUrlOverride: options.baseUrl,
    launchSandbox: options.launchSandbox,
    log: options.log,
  });
  return { ...core, profileDir };
}
