import type { EventBus } from '../../ipc/handlers';
import type { CompanyStore } from '../companies/company-store';
import { OnboardingService } from '../first-run/onboarding-store';
import type { OutboxService } from '../outbox/outbox-service';
import type { ReceivedServices } from '../received';
import type { KeyValueStoreEngine } from '../settings/settings-store';
import { UpdateService, type UpdateFeed } from '../updates/update-service';

export interface FirstRunServices {
  onboarding: OnboardingService;
  updates: UpdateService;
}

interface FirstRunWiringDeps {
  deps: { settingsEngine: KeyValueStoreEngine; version: string; updateFeed?: UpdateFeed | null; log?: (line: string) => void };
  events: EventBus;
  companies: CompanyStore;
  outbox: () => OutboxService;
  received: ReceivedServices;
}

/**
 * A send or sync in progress (or invoices queued for the next round): an update never restarts the app then.
 * When the outbox cannot be read we say "busy": a delayed update costs nothing, a broken send does.
 */
function sendingOrSyncing(outbox: () => OutboxService, received: ReceivedServices): boolean {
  if (received.sync.state().running !== null) return true;
  try {
    return outbox().list({ states: ['queued', 'sending'], limit: 1, offset: 0 }).total > 0;
  } catch {
    return true;
  }
}

/** The first-run guide's state and the update service, wired into the app core. */
export function createFirstRunServices(wiring: FirstRunWiringDeps): FirstRunServices {
  const { deps, events } = wiring;
  const onboarding = new OnboardingService({
    engine: deps.settingsEngine,
    hasCompanies: async () => (await wiring.companies.list()).companies.length > 0,
    onChange: (state) => events.publish('onboarding:changed', state),
  });
  const updates = new UpdateService({
    feed: deps.updateFeed ?? null,
    currentVersion: deps.version,
    isBusy: () => sendingOrSyncing(wiring.outbox, wiring.received),
    clock: { now: () => new Date() },
    onChange: (status) => events.publish('updates:changed', status),
    ...(deps.log ? { log: deps.log } : {}),
  });
  updates.start();
  return { onboarding, updates };
}
