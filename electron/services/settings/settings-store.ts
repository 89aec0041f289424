import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/domain/settings';

/**
 * The subset of the conf / electron-store API we use. Both engines write the same JSON file,
 * so Node (CLI, browser mode, tests) and Electron read each other's settings.
 */
export interface KeyValueStoreEngine {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

/** Settings with validation on read: a hand-edited or older file never yields an invalid value. */
export class SettingsStore {
  constructor(private readonly engine: KeyValueStoreEngine) {}

  read(): Settings {
    const result = settingsSchema.safeParse(this.engine.store);
    if (result.success) return result.data;
    // Keep the fields that are valid and fall back to defaults for the rest.
    const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [key, value] of Object.entries(this.engine.store)) {
      const field = settingsSchema.shape[key as keyof Settings];
      if (field?.safeParse(value).success) repaired[key] = value;
    }
    return settingsSchema.parse(repaired);
  }

  write(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.read(), ...patch });
    for (const [key, value] of Object.entries(next)) this.engine.set(key, value);
    return next;
  }
}

/** JSON schema handed to conf / electron-store so the engine itself also refuses bad writes. */
export const SETTINGS_JSON_SCHEMA = {
  environment: { type: 'string', enum: ['sandbox', 'test', 'demo', 'production'], default: 'sandbox' },
  language: { type: 'string', enum: ['pl', 'en'], default: 'pl' },
} as const;
