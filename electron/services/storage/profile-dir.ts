import os from 'node:os';
import path from 'node:path';

export const APP_DIRECTORY_NAME = 'KSeF Desk';

/**
 * Where a profile lives: `--profile DIR`, else `KSEF_DESK_PROFILE`, else the per-user application
 * data folder (the same folder Electron's `userData` points to for this product name).
 */
export function resolveProfileDir(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (explicit) return path.resolve(explicit);
  if (env.KSEF_DESK_PROFILE) return path.resolve(env.KSEF_DESK_PROFILE);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIRECTORY_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIRECTORY_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIRECTORY_NAME);
}
