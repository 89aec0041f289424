import type { RouteModule } from '../deps';
import { registerTokenRoutes, settleTokenTransitions } from './token-routes';

/** KSeF tokens management (PROTOCOL §12). */
export const tokenRoutes: RouteModule = (router, deps) => {
  registerTokenRoutes(router, deps);
  settleTokenTransitions(deps);
};
