import type { Settings } from '../../../shared/domain/settings';
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { EventBus } from '../../ipc/handlers';
import { AppError } from '../errors/app-error';
import type { SettingsStore } from './settings-store';

export interface SettingsUpdate {
  environment?: KsefEnvironment;
  language?: Settings['language'];
  confirmProduction?: boolean;
}

/** Reads and changes user settings; switching to production needs an explicit confirmation. */
export class SettingsService {
  constructor(
    private readonly store: SettingsStore,
    private readonly events: EventBus,
  ) {}

  get(): Settings {
    return this.store.read();
  }

  update(update: SettingsUpdate): Settings {
    const current = this.store.read();
    if (update.environment === 'production' && current.environment !== 'production' && !update.confirmProduction) {
      throw new AppError('CONFIRMATION_REQUIRED', 'Switching to production needs confirmation', ['environment']);
    }
    const patch: Partial<Settings> = {};
    if (update.environment) patch.environment = update.environment;
    if (update.language) patch.language = update.language;
    const next = this.store.write(patch);
    this.events.publish('settings:changed', next);
    return next;
  }
}
