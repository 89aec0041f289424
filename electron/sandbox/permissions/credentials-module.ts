import { certificateRoutes } from '../certificates';
import type { RouteModule } from '../deps';
import { limitRoutes } from '../limits';
import { tokenRoutes } from '../tokens';
import { permissionRoutes } from './index';

/** Certificates, KSeF tokens, permissions and limits: the credential side of the API, registered together. */
export const credentialRoutes: RouteModule = (router, deps) => {
  certificateRoutes(router, deps);
  tokenRoutes(router, deps);
  permissionRoutes(router, deps);
  limitRoutes(router, deps);
};
