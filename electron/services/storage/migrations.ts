import type { Migration } from './database';

/**
 * Every schema step of the profile database, in the order they apply. Each module appends its own list
 * (ids prefixed by the module); never edit or reorder a step once it has shipped.
 */
export const ALL_MIGRATIONS: readonly Migration[] = [];
