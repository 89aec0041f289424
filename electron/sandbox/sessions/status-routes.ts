/** Session and invoice status endpoints (PROTOCOL §7), with continuation-token paging. */
import { withAccess } from '../auth/request-auth';
import { decodeContinuationToken, encodeContinuationToken, parsePageSize } from '../server/paging';
import { json, type RequestContext, type Router } from '../server/router';
import { canSeeSession, sessionForRead } from './access';
import { sessionError } from './errors';
import { applyTimeouts } from './finalize';
import { SESSION_LIST_PERMISSIONS, SESSION_READ_PERMISSIONS } from './open-session';
import type { SessionRuntime } from './runtime';
import { commonStatusOf, isInvoiceFailed, type CommonSessionStatus } from './statuses';
import type { SessionRecord } from './types';
import { invoiceView, sessionListItemView, sessionStatusView } from './views';

const PAGE_RANGE = { min: 10, max: 1000, fallback: 10 };
const COMMON_STATUSES: readonly CommonSessionStatus[] = ['InProgress', 'Succeeded', 'Failed', 'Cancelled'];

function page<T>(ctx: RequestContext, items: readonly T[]): { items: T[]; continuationToken?: string } {
  const pageSize = parsePageSize(ctx.query.get('pageSize'), PAGE_RANGE);
  const offset = decodeContinuationToken(ctx.header('x-continuation-token'));
  const next = offset + pageSize;
  return { items: items.slice(offset, next), ...(next < items.length ? { continuationToken: encodeContinuationToken(next) } : {}) };
}

function dateFilter(ctx: RequestContext, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Date.parse(raw);
  if (Number.isNaN(value)) throw sessionError(21405, `${name}: nieprawidłowa data.`);
  return value;
}

type SessionPredicate = (session: SessionRecord) => boolean;

/** Query filters of GET /sessions; a missing or unknown sessionType / status is an input error. */
function sessionFilters(ctx: RequestContext): SessionPredicate[] {
  const sessionType = ctx.query.get('sessionType');
  if (sessionType !== 'Online' && sessionType !== 'Batch') throw sessionError(21405, 'sessionType: wymagana wartość Online lub Batch.');
  const statuses = ctx.queryAll('statuses');
  const unknown = statuses.find((s) => !COMMON_STATUSES.includes(s as CommonSessionStatus));
  if (unknown) throw sessionError(21405, `statuses: nieznana wartość ${unknown}.`);
  const referenceNumber = ctx.query.get('referenceNumber');
  const within = (field: (s: SessionRecord) => string | undefined, from: string, to: string): SessionPredicate => {
    const [min, max] = [dateFilter(ctx, from), dateFilter(ctx, to)];
    return (s) => {
      if (min === undefined && max === undefined) return true;
      const value = field(s);
      if (value === undefined) return false;
      const time = Date.parse(value);
      return (min === undefined || time >= min) && (max === undefined || time <= max);
    };
  };
  return [
    (s) => s.type === sessionType,
    (s) => !referenceNumber || s.referenceNumber === referenceNumber,
    (s) => statuses.length === 0 || statuses.includes(commonStatusOf(s.status.code)),
    within((s) => s.dateCreated, 'dateCreatedFrom', 'dateCreatedTo'),
    within((s) => s.dateClosed, 'dateClosedFrom', 'dateClosedTo'),
    within((s) => s.dateUpdated, 'dateModifiedFrom', 'dateModifiedTo'),
  ];
}

export function registerSessionStatusRoutes(router: Router, runtime: SessionRuntime): void {
  const { deps } = runtime;

  router.get(
    '/sessions',
    withAccess(deps, SESSION_LIST_PERMISSIONS, (ctx, access) => {
      const filters = sessionFilters(ctx);
      const sessions = Object.values(runtime.sessions)
        .filter((s) => canSeeSession(s, access))
        .map((s) => (applyTimeouts(runtime, s), s))
        .filter((s) => filters.every((matches) => matches(s)))
        .sort((a, b) => b.dateCreated.localeCompare(a.dateCreated) || b.referenceNumber.localeCompare(a.referenceNumber));
      const { items, continuationToken } = page(ctx, sessions);
      return json(200, { ...(continuationToken ? { continuationToken } : {}), sessions: items.map(sessionListItemView) });
    }),
  );

  router.get(
    '/sessions/{referenceNumber}',
    withAccess(deps, SESSION_READ_PERMISSIONS, (ctx, access) => {
      const session = sessionForRead(runtime, ctx.params.referenceNumber ?? '', access);
      return json(200, sessionStatusView(runtime, session, ctx.baseUrl));
    }),
  );

  for (const failedOnly of [false, true]) {
    router.get(
      failedOnly ? '/sessions/{referenceNumber}/invoices/failed' : '/sessions/{referenceNumber}/invoices',
      withAccess(deps, SESSION_READ_PERMISSIONS, (ctx, access) => {
        const session = sessionForRead(runtime, ctx.params.referenceNumber ?? '', access);
        const invoices = failedOnly ? session.invoices.filter((i) => isInvoiceFailed(i.status.code)) : session.invoices;
        const { items, continuationToken } = page(ctx, invoices);
        return json(200, {
          ...(continuationToken ? { continuationToken } : {}),
          invoices: items.map((invoice) => invoiceView(runtime, session, invoice, ctx.baseUrl)),
        });
      }),
    );
  }

  router.get(
    '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}',
    withAccess(deps, SESSION_READ_PERMISSIONS, (ctx, access) => {
      const session = sessionForRead(runtime, ctx.params.referenceNumber ?? '', access);
      const invoiceReference = ctx.params.invoiceReferenceNumber ?? '';
      const invoice = session.invoices.find((i) => i.referenceNumber === invoiceReference);
      if (!invoice) throw sessionError(21164, `Faktura o numerze referencyjnym ${invoiceReference} nie istnieje w sesji ${session.referenceNumber}.`);
      return json(200, invoiceView(runtime, session, invoice, ctx.baseUrl));
    }),
  );
}
