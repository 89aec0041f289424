import type { RouteModule } from '../deps';
import { registerAuthSessionRoutes } from './sessions-routes';
import { registerAuthStatusRoutes } from './status-routes';
import { registerChallengeRoute } from './challenge';
import { registerKsefTokenRoute } from './ksef-token-route';
import { registerTestdataAuthRoutes } from './testdata-routes';
import { registerXadesRoute } from './xades-route';

/** All authentication endpoints. */
export const authRoutes: RouteModule = (router, deps) => {
  registerChallengeRoute(router, deps);
  registerKsefTokenRoute(router, deps);
  registerXadesRoute(router, deps);
  registerAuthStatusRoutes(router, deps);
  registerAuthSessionRoutes(router, deps);
  registerTestdataAuthRoutes(router, deps);
};
