import { z } from 'zod';
import { settingsSchema, type Settings } from '../domain/settings';
import type { KsefEnvironment } from '../domain/environments';
import { defineChannel, defineEvent } from './define';
import { authChannels, authEvents } from './channels/auth';
import { certificateChannels, certificateEvents } from './channels/certificates';
import { companyChannels, companyEvents } from './channels/companies';
import { issueChannels, issueEvents } from './channels/issue';
import { ksefCertificateChannels } from './channels/ksef-certificates';
import { offlineChannels, offlineEvents } from './channels/offline';
import { outboxChannels, outboxEvents } from './channels/outbox';
import { permissionChannels, permissionEvents } from './channels/permissions';
import { receivedChannels, receivedEvents } from './channels/received';
import { tokenChannels, tokenEvents } from './channels/tokens';
import { vaultChannels, vaultEvents } from './channels/vault';
import { onboardingChannels, onboardingEvents } from './channels/onboarding';
import { updateChannels, updateEvents } from './channels/updates';

export type * from './channels/auth';
export type * from './channels/certificates';
export type * from './channels/companies';
export type * from './channels/issue';
export type * from './channels/ksef-certificates';
export type * from './channels/offline';
export type * from './channels/outbox';
export type * from './channels/permissions';
export type * from './channels/received';
export type * from './channels/tokens';
export type * from './channels/vault';
export type * from './channels/onboarding';
export type * from './channels/updates';
export { TOKEN_PERMISSIONS } from './channels/tokens';
export { GRANTABLE_PERMISSIONS } from './channels/permissions';
export { KSEF_CERTIFICATE_STATUSES, REVOCATION_REASONS } from './channels/ksef-certificates';
export { MAX_CERTIFICATE_FILE_BYTES, MIN_PASSPHRASE_LENGTH } from './channels/limits';

/** The one Electron channel main pushes events on (`ksef:event`, name, payload). */
export const EVENT_CHANNEL = 'ksef:event';

/** Renderer payloads are capped so a compromised renderer cannot make main parse megabytes of JSON. */
export const MAX_IPC_PAYLOAD_BYTES = 2 * 1024 * 1024;

const noInput = z.object({}).strict();

export interface AppInfo {
  version: string;
  /** 'electron': the desktop window; 'browser': the loopback bridge (tests, machines without Electron). */
  shell: 'electron' | 'browser';
  platform: string;
  environment: KsefEnvironment;
  /** The KSeF API the app talks to now; for the sandbox, its loopback URL once it runs. */
  apiBaseUrl: string | null;
  profileDir: string;
}

/**
 * The IPC contract: every channel the renderer may call, as `domain:action`.
 * preload.ts, electron/ipc/register.ts and the browser bridge all derive from this table;
 * adding a channel is one entry here plus one handler in main.
 */
export const contract = {
  'app:info': defineChannel(noInput).returns<AppInfo>(),
  'settings:get': defineChannel(noInput).returns<Settings>(),
  'settings:update': defineChannel(
    z
      .object({
        environment: settingsSchema.shape.environment.removeDefault().optional(),
        language: settingsSchema.shape.language.removeDefault().optional(),
        /** Production is switched to only with an explicit confirmation from the user. */
        confirmProduction: z.boolean().optional(),
      })
      .strict(),
  ).returns<Settings>(),
  ...vaultChannels,
  ...certificateChannels,
  ...ksefCertificateChannels,
  ...companyChannels,
  ...authChannels,
  ...tokenChannels,
  ...permissionChannels,
  ...receivedChannels,
  ...issueChannels,
  ...offlineChannels,
  ...outboxChannels,
  ...onboardingChannels,
  ...updateChannels,
} as const;

/** Events main pushes to the renderer. */
export const events = {
  'settings:changed': defineEvent<Settings>(),
  ...vaultEvents,
  ...certificateEvents,
  ...companyEvents,
  ...authEvents,
  ...tokenEvents,
  ...permissionEvents,
  ...receivedEvents,
  ...issueEvents,
  ...offlineEvents,
  ...outboxEvents,
  ...onboardingEvents,
  ...updateEvents,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type EventName = keyof typeof events;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}
