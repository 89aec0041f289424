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
import { issueHandlers } from './handlers/issue-handlers';
import { receivedHandlers } from './handlers/received-handlers';
import { createReceivedServices, type ReceivedServices } from '../received';
import { receivedDocuments } from '../received/documents';
import { createIssuingServices, type IssuingServices } from '../issuing';
import { issuingDocuments } from '../issuing/wiring';
import { offlineHandlers } from './handlers/offline-handlers';
import { createOfflineServices, type OfflineServices } from '../outbox/offline';
import { offlineDeadlineCandidates } from '../outbox/offline/deadline-candidates';
import type { DeadlineCandidate } from '../outbox/offline/deadline-reminder';
import { kod1Url, kod2Url } from '../invoices/qr';
import { createOutboxServices, type OutboxServices } from '../outbox';
import { getFa3Validator } from '../invoices/validation';
import { outboxHandlers } from './handlers/outbox-handlers';
import { buildInvoiceViewData, renderInvoicePdf } from '../invoices/document-service';
import { onboardingHandlers, updateHandlers } from './handlers/first-run-handlers';
import { createFirstRunServices, type FirstRunServices } from './first-run-wiring';
import type { UpdateFeed } from '../updates/update-service';

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
  /** The Electron shell's update mechanism (electron-updater); absent elsewhere, so updates are 'disabled'. */
  updateFeed?: UpdateFeed | null;
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
  issuing: IssuingServices;
  received: ReceivedServices;
  offline: OfflineServices;
  outbox: OutboxServices;
  /** Offline invoices whose sending deadline still counts (for OS reminders; see deadline-reminder.ts). */
  offlineDeadlines(): DeadlineCandidate[];
  /** The first-run guide and the app's own updates. */
  firstRun: FirstRunServices;
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
  const issuing = createIssuingServices({
    database,
    companies: account.companies,
    documents: issuingDocuments(currentEnvironment),
    outbox: () => outbox.service,
    onChange: () => events.publish('issue:changed', {}),
  });
  const received = createReceivedServices({ database, account, events, environment: currentEnvironment, documents: receivedDocuments() });
  const offline = createOfflineServices({
    database,
    certificates: account.certificates,
    qr: { kod1Url, kod2Url },
    environment: currentEnvironment,
    apiBaseUrl: () => environment.apiBaseUrl(currentEnvironment()),
    outbox: () => outbox.offlineAdapter,
    onChange: (status) => events.publish('offline:changed', status),
    log: (message, error) => deps.log?.(`${message}: ${error instanceof Error ? error.message : String(error ?? '')}`),
  });
  const outbox = createOutboxServices({
    database,
    profileDir: deps.profileDir,
    auth: account.auth,
    offline: () => offline.coordinator,
    // The in-app XSD check, compiled on first use; imports validate in one batch.
    schemaValidator: { validate: (xml) => getFa3Validator().validate(xml), validateMany: (xmls) => getFa3Validator().validateMany(xmls) },
    onChange: (change) => events.publish('outbox:changed', change),
    idleCloseMs: 60_000,
    log: (message, error) => deps.log?.(`${message}: ${error instanceof Error ? error.message : String(error ?? '')}`),
  });
  const firstRun = createFirstRunServices({ deps, events, companies: account.companies, outbox: () => outbox.service, received });
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
    ...issueHandlers(issuing),
    ...receivedHandlers(received),
    ...offlineHandlers(offline, async (id) => {
      const item = outbox.service.get(id);
      const kod2Url = offline.views([id])[0]?.kod2Url;
      return buildInvoiceViewData({
        xml: outbox.service.xml(id),
        environment: currentEnvironment(),
        offline: item.offlineMode,
        ...(item.ksefNumber ? { ksefNumber: item.ksefNumber } : {}),
        ...(kod2Url ? { kod2: { url: kod2Url } } : {}),
      });
    }),
    ...outboxHandlers({
      outbox: outbox.service,
      renderPdf: ({ id, xml, ksefNumber, offline: isOffline }) => {
        const kod2Url = isOffline ? offline.views([id])[0]?.kod2Url : null;
        return renderInvoicePdf({ xml, environment: currentEnvironment(), offline: isOffline, ...(ksefNumber ? { ksefNumber } : {}), ...(kod2Url ? { kod2: { url: kod2Url } } : {}) });
      },
    }),
    ...onboardingHandlers(firstRun.onboarding),
    ...updateHandlers(firstRun.updates),
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
    issuing,
    received,
    offline,
    outbox,
    offlineDeadlines: () => offlineDeadlineCandidates(offline.views(), outbox.store),
    firstRun,
    close: async () => {
      firstRun.updates.stop();
      offline.stop();
      await outbox.service.closeSessions().catch(() => undefined);
      clearInterval(purgeTimer);
      await received.close();
      await account.auth.logout().catch(() => undefined);
      await account.vaultAccess.lock();
      await environment.close();
      database.close();
    },
  };
}
