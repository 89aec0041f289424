import { z } from 'zod';
import { ENVIRONMENTS } from './environments';

export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** User settings stored in the profile directory. Every field has a default so a fresh profile is valid. */
export const settingsSchema = z.object({
  environment: z.enum(ENVIRONMENTS).default('sandbox'),
  language: z.enum(LANGUAGES).default('pl'),
});

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export const SETTING_KEYS = ['environment', 'language'] as const satisfies readonly (keyof Settings)[];
export type SettingKey = (typeof SETTING_KEYS)[number];
