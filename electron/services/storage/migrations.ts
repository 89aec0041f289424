import type { Migration } from './database';
import { RECEIVED_MIGRATIONS } from '../received/archive-schema';
import { ISSUING_MIGRATIONS } from '../issuing/migrations';
import { OFFLINE_MIGRATIONS } from '../outbox/offline/offline-schema';
import { OUTBOX_MIGRATIONS } from '../outbox/outbox-schema';

/**
 * Every schema step of the profile database, in the order they apply. Each module appends its own list
 * (ids prefixed by the module); never edit or reorder a step once it has shipped.
 */
export const ALL_MIGRATIONS: readonly Migration[] = [...RECEIVED_MIGRATIONS, ...ISSUING_MIGRATIONS, ...OFFLINE_MIGRATIONS, ...OUTBOX_MIGRATIONS];
