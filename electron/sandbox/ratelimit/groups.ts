/** Official per-endpoint limits (PROTOCOL §17, spec `x-rate-limits`). */
export interface RateLimit {
  perSecond?: number;
  perMinute?: number;
  perHour?: number;
}

export type RateGroupName =
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

export const RATE_LIMIT_GROUPS: Record<RateGroupName, RateLimit> = {
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

/** `METHOD /template` → group; templates use the spec's parameter names. */
const ENDPOINT_GROUPS: Record<string, RateGroupName> = {
  'POST /sessions/online': 'onlineSession',
  'POST /sessions/online/{referenceNumber}/close': 'onlineSession',
  'POST /sessions/online/{referenceNumber}/invoices': 'invoiceSend',
  'POST /sessions/batch': 'batchSession',
  'POST /sessions/batch/{referenceNumber}/close': 'batchSession',
  'GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}': 'invoiceStatus',
  'GET /sessions': 'sessionList',
  'GET /sessions/{referenceNumber}/invoices': 'sessionInvoiceList',
  'GET /sessions/{referenceNumber}/invoices/failed': 'sessionInvoiceList',
  'GET /sessions/{referenceNumber}': 'sessionMisc',
  'GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo': 'sessionMisc',
  'GET /sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo': 'sessionMisc',
  'GET /sessions/{referenceNumber}/upo/{upoReferenceNumber}': 'sessionMisc',
  'POST /invoices/query/metadata': 'invoiceMetadata',
  'POST /invoices/exports': 'invoiceExport',
  'GET /invoices/exports/{referenceNumber}': 'invoiceExportStatus',
  'GET /invoices/ksef/{ksefNumber}': 'invoiceDownload',
};

const PUBLIC_ENDPOINTS = new Set([
  'POST /auth/challenge',
  'POST /auth/xades-signature',
  'POST /auth/ksef-token',
  'GET /auth/{referenceNumber}',
  'POST /auth/token/redeem',
  'POST /auth/token/refresh',
  'GET /security/public-key-certificates',
  'GET /peppol/query',
  'POST /testdata/subject',
  'POST /testdata/subject/remove',
  'POST /testdata/person',
  'POST /testdata/person/remove',
  'POST /testdata/permissions',
  'POST /testdata/permissions/revoke',
  'POST /testdata/attachment',
  'POST /testdata/attachment/revoke',
]);

/** Path parameter names differ between modules; compare templates with every `{…}` made anonymous. */
function normalize(template: string): string {
  return template.replace(/\{[^}]+\}/g, '{}');
}

const NORMALIZED_GROUPS = new Map(Object.entries(ENDPOINT_GROUPS).map(([k, v]) => [normalize(k), v]));
const NORMALIZED_PUBLIC = new Set([...PUBLIC_ENDPOINTS].map(normalize));

export interface EndpointRateRule {
  group: RateGroupName;
  limit: RateLimit;
  /** Public endpoints count per IP; protected ones per (context, IP). */
  perIpOnly: boolean;
  /** Counter name: the group, or the endpoint itself for `other` and public endpoints (each has its own counter). */
  counter: string;
}

/** Unknown endpoints fall into `other` with a counter of their own. Presigned URLs should not be routed through this. */
export function rateRuleFor(method: string, template: string): EndpointRateRule {
  const endpoint = normalize(`${method} ${template}`);
  if (NORMALIZED_PUBLIC.has(endpoint)) return { group: 'public', limit: RATE_LIMIT_GROUPS.public, perIpOnly: true, counter: endpoint };
  const group = NORMALIZED_GROUPS.get(endpoint);
  if (group) return { group, limit: RATE_LIMIT_GROUPS[group], perIpOnly: false, counter: group };
  return { group: 'other', limit: RATE_LIMIT_GROUPS.other, perIpOnly: false, counter: endpoint };
}
