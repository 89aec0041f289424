import type { RouteModule } from '../deps';
import { registerGrantRoutes } from './grant-routes';
import { resumePermissionOperations } from './operations';
import { registerPermissionQueryRoutes } from './query-routes';

/** Permissions (PROTOCOL §13): person, entity and indirect grants, revoke, operation status, queries. */
export const permissionRoutes: RouteModule = (router, deps) => {
  registerGrantRoutes(router, deps);
  registerPermissionQueryRoutes(router, deps);
  resumePermissionOperations(deps);
};
