import { authRoutes } from './auth';
import { registerPublicKeyRoutes } from './crypto/public-keys-route';
import type { RouteModule } from './deps';
import { credentialRoutes } from './permissions/credentials-module';
import { retrievalRoutes } from './retrieval';
import { sessionRoutes } from './sessions';

export type { RouteModule } from './deps';

/**
 * Every route module of the sandbox, registered in this order at start-up.
 * Add your module here: `(router, deps) => { router.post('/sessions/online', handler) }`.
 */
export const ROUTE_MODULES: RouteModule[] = [registerPublicKeyRoutes, authRoutes, sessionRoutes, credentialRoutes, retrievalRoutes];
