import { withAccess } from '../auth/request-auth';
import { subjectLimits } from '../certificates/certificate-store';
import type { RouteModule } from '../deps';
import { callerIdentity } from '../permissions/identities';
import { RATE_LIMIT_GROUPS, type RateGroupName, type RateLimit } from '../ratelimit/groups';
import { json } from '../server/router';

/** Per-context session limits (PROTOCOL §18; 1 MB = 1 000 000 B). Online and batch share them. */
export const CONTEXT_SESSION_LIMITS = { maxInvoiceSizeInMB: 1, maxInvoiceWithAttachmentSizeInMB: 3, maxInvoices: 10_000 } as const;

/** Groups GET /rate-limits reports; `public` endpoints are counted per IP and are not part of the response. */
const REPORTED_GROUPS: readonly Exclude<RateGroupName, 'public'>[] = [
  'onlineSession',
  'batchSession',
  'invoiceSend',
  'invoiceStatus',
  'sessionList',
  'sessionInvoiceList',
  'sessionMisc',
  'invoiceMetadata',
  'invoiceExport',
  'invoiceExportStatus',
  'invoiceDownload',
  'other',
];

function values(limit: RateLimit): { perSecond: number; perMinute: number; perHour: number } {
  return { perSecond: limit.perSecond ?? 0, perMinute: limit.perMinute ?? 0, perHour: limit.perHour ?? 0 };
}

/** GET /limits/context, GET /limits/subject, GET /rate-limits (official values, as the limiter enforces them). */
export const limitRoutes: RouteModule = (router, deps) => {
  router.get(
    '/limits/context',
    withAccess(deps, [], () => json(200, { onlineSession: { ...CONTEXT_SESSION_LIMITS }, batchSession: { ...CONTEXT_SESSION_LIMITS } })),
  );

  router.get(
    '/limits/subject',
    withAccess(deps, [], (_ctx, access) => {
      const limits = subjectLimits(callerIdentity(access));
      return json(200, { enrollment: { maxEnrollments: limits.enrollments }, certificate: { maxCertificates: limits.certificates } });
    }),
  );

  router.get(
    '/rate-limits',
    withAccess(deps, [], () => json(200, Object.fromEntries(REPORTED_GROUPS.map((group) => [group, values(RATE_LIMIT_GROUPS[group])])))),
  );
};
