/** Online and batch sessions, invoice statuses and UPO (PROTOCOL §5–§8). */
import type { RouteModule } from '../deps';
import { registerBatchSessionRoutes } from './batch-routes';
import { recoverInterruptedSessions } from './finalize';
import { registerOnlineSessionRoutes } from './online-routes';
import { SessionRuntime } from './runtime';
import { registerSessionStatusRoutes } from './status-routes';
import { createUploadHandler } from './upload-handler';
import { registerUpoRoutes } from './upo-routes';

export { sessionSettings, DEFAULT_MAX_INVOICES_PER_SESSION } from './runtime';

export const sessionRoutes: RouteModule = (router, deps) => {
  const runtime = new SessionRuntime(deps);
  recoverInterruptedSessions(runtime);
  registerOnlineSessionRoutes(router, runtime);
  registerBatchSessionRoutes(router, runtime);
  registerSessionStatusRoutes(router, runtime);
  registerUpoRoutes(router, runtime);
  router.presignedHandler(createUploadHandler(runtime));
};
