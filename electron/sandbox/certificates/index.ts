import type { RouteModule } from '../deps';
import { registerCertificateRoutes } from './certificate-routes';
import { registerEnrollmentRoutes } from './enrollment-routes';
import { resumePendingEnrollments } from './enrollment-processing';

/** KSeF certificates (MCU): limits, enrollment data, enrollment, status, retrieve, query, revoke. */
export const certificateRoutes: RouteModule = (router, deps) => {
  registerEnrollmentRoutes(router, deps);
  registerCertificateRoutes(router, deps);
  resumePendingEnrollments(deps);
};
