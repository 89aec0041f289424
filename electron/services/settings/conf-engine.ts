import Conf from 'conf';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { SETTINGS_JSON_SCHEMA, type KeyValueStoreEngine } from './settings-store';

export const SETTINGS_FILE_NAME = 'settings';

/** conf in Node (CLI, browser mode, tests); Electron uses electron-store over the same file. */
export function createConfEngine(profileDir: string): KeyValueStoreEngine {
  return new Conf<Record<string, unknown>>({
    cwd: profileDir,
    configName: SETTINGS_FILE_NAME,
    projectName: 'ksef-desk',
    projectSuffix: '',
    schema: SETTINGS_JSON_SCHEMA,
    defaults: { ...DEFAULT_SETTINGS },
    configFileMode: 0o600,
    clearInvalidConfig: false,
  });
}
