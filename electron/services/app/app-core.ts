import type { KsefEnvironment } from '../../../shared/domain/environments';
import { createDispatcher, type Dispatch, type Logger } from '../../ipc/dispatch';
import { EventBus, type Handlers } from '../../ipc/handlers';
import { EnvironmentRuntime, type SandboxLauncher } from '../environment/environment-runtime';
import { SettingsService } from '../settings/settings-service';
import { SettingsStore, type KeyValueStoreEngine } from '../settings/settings-store';

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
}

export interface AppCore {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  settings: SettingsService;
  environment: EnvironmentRuntime;
  currentEnvironment(): KsefEnvironment;
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
  };

  return {
    handlers,
    dispatch: createDispatcher(handlers, deps.log),
    events,
    settings,
    environment,
    currentEnvironment,
    close: () => environment.close(),
  };
}
