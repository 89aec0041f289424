/**
 * What the client knows about each endpoint before calling it: its rate-limit group (PROTOCOL §17,
 * spec `x-rate-limits`) and whether repeating it after an ambiguous failure is harmless.
 */

export interface RateLimit {
  perSecond?: number;
  perMinute?: number;
  perHour?: number;
}

export type RateLimitGroup =
  | 'onlineSession'
  | 'invoiceSend'
  | 'batchSession'
  | 'invoiceStatus'
  | 'sessionList'
  | 'sessionInvoiceList'
  | 'sessionMisc'
  | 'invoiceMetadata'
  | 'invoiceExport'
  | 'invoiceExportStatus'
  | 'invoiceDownload'
  | 'other'
  | 'public';

export const OFFICIAL_RATE_LIMITS: Readonly<Record<RateLimitGroup, RateLimit>> = {
  onlineSession: { perSecond: 10, perMinute: 30, perHour: 120 },
  invoiceSend: { perSecond: 10, perMinute: 30, perHour: 180 },
  batchSession: { perSecond: 10, perMinute: 20, perHour: 60 },
  invoiceStatus: { perSecond: 30, perMinute: 120, perHour: 1200 },
  sessionList: { perSecond: 5, perMinute: 10, perHour: 60 },
  sessionInvoiceList: { perSecond: 10, perMinute: 20, perHour: 200 },
  sessionMisc: { perSecond: 10, perMinute: 120, perHour: 1200 },
  invoiceMetadata: { perSecond: 8, perMinute: 16, perHour: 20 },
  invoiceExport: { perSecond: 8, perMinute: 16, perHour: 20 },
  invoiceExportStatus: { perSecond: 10, perMinute: 60, perHour: 600 },
  invoiceDownload: { perSecond: 8, perMinute: 16, perHour: 64 },
  other: { perSecond: 10, perMinute: 30, perHour: 120 },
  public: { perSecond: 60 },
};

const NAMED_GROUPS: Record<string, RateLimitGroup> = {
  'POST /sessions/online': 'onlineSession',
  'POST /sessions/online/{}/close': 'onlineSession',
  'POST /sessions/online/{}/invoices': 'invoiceSend',
  'POST /sessions/batch': 'batchSession',
  'POST /sessions/batch/{}/close': 'batchSession',
  'GET /sessions/{}/invoices/{}': 'invoiceStatus',
  'GET /sessions': 'sessionList',
  'GET /sessions/{}/invoices': 'sessionInvoiceList',
  'GET /sessions/{}/invoices/failed': 'sessionInvoiceList',
  'GET /sessions/{}': 'sessionMisc',
  'GET /sessions/{}/invoices/{}/upo': 'sessionMisc',
  'GET /sessions/{}/invoices/ksef/{}/upo': 'sessionMisc',
  'GET /sessions/{}/upo/{}': 'sessionMisc',
  'POST /invoices/query/metadata': 'invoiceMetadata',
  'POST /invoices/exports': 'invoiceExport',
  'GET /invoices/exports/{}': 'invoiceExportStatus',
  'GET /invoices/ksef/{}': 'invoiceDownload',
};

const PUBLIC_ENDPOINTS = new Set([
  'POST /auth/challenge',
  'POST /auth/xades-signature',
  'POST /auth/ksef-token',
  'GET /auth/{}',
  'POST /auth/token/redeem',
  'POST /auth/token/refresh',
  'GET /security/public-key-certificates',
  'GET /peppol/query',
  // TEST-only helpers without auth; the limit/rate-limit/block ones are protected and fall into `other`.
  ...['subject', 'person', 'permissions', 'attachment'].map((name) => `POST /testdata/${name}`),
  'POST /testdata/subject/remove',
  'POST /testdata/person/remove',
  'POST /testdata/permissions/revoke',
  'POST /testdata/attachment/revoke',
]);

/**
 * POSTs that only read or that yield an equivalent result when repeated. Everything else that is not
 * GET/DELETE (send invoice, open session, redeem, enroll, grant) is never repeated after an ambiguous failure.
 */
const REPEATABLE_POSTS = [
  /^POST \/auth\/challenge$/,
  /^POST \/auth\/token\/refresh$/, // the refresh token is not rotated
  /^POST \/certificates\/query$/,
  /^POST \/certificates\/retrieve$/,
  /^POST \/permissions\/query\//,
  /^POST \/invoices\/query\/metadata$/,
];

export interface EndpointPolicy {
  /** `METHOD /template` with anonymous parameters, e.g. `GET /auth/{}`. */
  endpoint: string;
  group: RateLimitGroup;
  limit: RateLimit;
  /** The counter requests are charged to: the group, or the endpoint itself for `other` and public ones. */
  counter: string;
  /** Public endpoints are counted per IP; protected ones per (context, IP). */
  perContext: boolean;
  idempotent: boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function normalizeEndpoint(method: HttpMethod, template: string): string {
  return `${method} ${template.replace(/\{[^}]*\}/g, '{}')}`;
}

export function endpointPolicy(method: HttpMethod, template: string, limits: Readonly<Record<RateLimitGroup, RateLimit>> = OFFICIAL_RATE_LIMITS): EndpointPolicy {
  const endpoint = normalizeEndpoint(method, template);
  // DELETE revokes something; doing it twice leaves the same state, so it counts as idempotent.
  const idempotent = method === 'GET' || method === 'DELETE' || REPEATABLE_POSTS.some((pattern) => pattern.test(endpoint));
  if (PUBLIC_ENDPOINTS.has(endpoint)) {
    return { endpoint, group: 'public', limit: limits.public, counter: endpoint, perContext: false, idempotent };
  }
  const group = NAMED_GROUPS[endpoint];
  if (group) return { endpoint, group, limit: limits[group], counter: group, perContext: true, idempotent };
  return { endpoint, group: 'other', limit: limits.other, counter: endpoint, perContext: true, idempotent };
}
