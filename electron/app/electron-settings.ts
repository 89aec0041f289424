import Store from 'electron-store';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { SETTINGS_FILE_NAME } from '../services/settings/conf-engine';
import { SETTINGS_JSON_SCHEMA, type KeyValueStoreEngine } from '../services/settings/settings-store';

/** electron-store over the same file conf uses in Node, so CLI and window share settings. */
export function createElectronSettingsEngine(profileDir: string): KeyValueStoreEngine {
  return new Store<Record<string, unknown>>({
    cwd: profileDir,
    name: SETTINGS_FILE_NAME,
    schema: SETTINGS_JSON_SCHEMA,
    defaults: { ...DEFAULT_SETTINGS },
    configFileMode: 0o600,
    clearInvalidConfig: false,
  });
}
