import type { KsefEnvironment } from '../../../shared/domain/environments';
import { createDispatcher, type Dispatch, type Logger } from '../../ipc/dispatch';
import { EventBus, type Handlers } from '../../ipc/handlers';
import { EnvironmentRuntime, type SandboxLauncher } from '../environment/environment-runtime';
import { SettingsService } from '../settings/settings-service';
import { SettingsStore, type KeyValueStoreEngine } from '../settings/settings-store';
import { ProfileDatabase } from '../storage/profile-database';
import type { KsefClientFactory } from '../auth-session/ksef-connection';
import type { KeyProtector } from '../certificates';
import { createAccountServices, type AccountServices } from './account-services';
import {
  authHandlers,
  certificateHandlers,
  companyHandlers,
  ksefCertificateHandlers,
  permissionHandlers,
  tokenHandlers,
  vaultHandlers,
} from './handlers/account-handlers';

/** Import drafts hold unencrypted keys in memory; wipe the expired ones at least this often. */
const DRAFT_PURGE_INTERVAL_MS = 60_000;

export interface AppCoreDependencies {
  shell: 'electron' | 'browser';
  version: string;
  profileDir: string;
  settingsEngine: KeyValueStoreEngine;
  launchSandbox?: SandboxLauncher;
  /** `--env`: use this environment for this run without storing it. */
  environmentOverride?: KsefEnvironment;
  baseUrlOverride?: string;
  log?: Logger;
  /** Electron's safeStorage adapter; absent in browser mode and the CLI (keys then use a passphrase). */
  osKeyProtector?: KeyProtector | null;
  /** Tests: a KSeF client with short poll intervals. */
  ksefClientFactory?: KsefClientFactory;
}

export interface AppCore {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  settings: SettingsService;
  environment: EnvironmentRuntime;
  currentEnvironment(): KsefEnvironment;
  account: AccountServices;
  /** The outbox and the received archive share it. */
  database: ProfileDatabase;
  close(): Promise<void>;
}

/**
 * Wires the plain services and the IPC handler table. Both composition roots (Electron's main.ts
 * and the Node root for browser mode and the CLI) call this with their own platform adapters.
 */
export function createAppCore(deps: AppCoreDependencies): AppCore {
  const events = new EventBus();
  const settings = new SettingsService(new SettingsStore(deps.settingsEngine), events);
  const environment = new EnvironmentRuntime({
    launchSandbox: deps.launchSandbox,
    baseUrlOverride: deps.baseUrlOverride,
  });
  const currentEnvironment = () => deps.environmentOverride ?? settings.get().environment;
  const account = createAccountServices({
    profileDir: deps.profileDir,
    events,
    environment: currentEnvironment,
    apiBaseUrl: (active) => environment.apiBaseUrl(active),
    osKeyProtector: deps.osKeyProtector ?? null,
    ...(deps.ksefClientFactory ? { ksefClientFactory: deps.ksefClientFactory } : {}),
  });
  // A session belongs to one environment: switching drops it (and says so through auth:changed).
  events.subscribe((event) => {
    if (event === 'settings:changed') void account.auth.environmentChanged();
  });
  const database = new ProfileDatabase(deps.profileDir);
  const purgeTimer = setInterval(() => account.certificates.purgeExpiredDrafts(), DRAFT_PURGE_INTERVAL_MS);
  purgeTimer.unref();

  const handlers: Handlers = {
    'app:info': async () => {
      const active = currentEnvironment();
      return {
        version: deps.version,
        shell: deps.shell,
        platform: process.platform,
        environment: active,
        apiBaseUrl: await environment.apiBaseUrl(active),
        profileDir: deps.profileDir,
      };
    },
    'settings:get': async () => settings.get(),
    'settings:update': async (request) => settings.update(request),
    ...vaultHandlers(account),
    ...certificateHandlers(account, currentEnvironment),
    ...ksefCertificateHandlers(account),
    ...companyHandlers(account),
    ...authHandlers(account),
    ...tokenHandlers(account),
    ...permissionHandlers(account),
  };

  return {
    handlers,
    dispatch: createDispatcher(handlers, deps.log),
    events,
    settings,
    environment,
    currentEnvironment,
    account,
    database,
    close: async () => {
      clearInterval(purgeTimer);
      await account.auth.logout().catch(() => undefined);
      await account.vaultAccess.lock();
      await environment.close();
      database.close();
    },
  };
}
