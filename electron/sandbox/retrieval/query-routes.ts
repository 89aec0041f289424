/** `POST /invoices/query/metadata` and `GET /invoices/ksef/{ksefNumber}`. */
import { KSEF_NUMBER_PATTERN } from '../../../shared/domain/identifiers';
import { withAccess } from '../auth/request-auth';
import type { SandboxDeps } from '../deps';
import { invoiceArchive } from '../invoices/archive';
import { parseJsonBody } from '../server/body';
import { formatKsefDateTime } from '../server/clock';
import { parsePageSize } from '../server/paging';
import { json, type HandlerResponse, type RequestContext, type Router } from '../server/router';
import type { ContextIdentifier } from '../state/types';
import { FROM_AFTER_HWM_DETAIL, retrievalError } from './errors';
import { invoiceQueryFiltersSchema, resolveWindow } from './filters';
import { toInvoiceMetadata, type InvoiceMetadataJson } from './metadata';
import { selectInvoices, type SortOrder } from './select';
import { retrievalTuning } from './tuning';
import { canDownload, isStored } from './visibility';

export interface MetadataPage {
  hasMore: boolean;
  isTruncated: boolean;
  permanentStorageHwmDate?: string;
  invoices: InvoiceMetadataJson[];
}

function parseSortOrder(ctx: RequestContext): SortOrder {
  const raw = ctx.query.get('sortOrder');
  if (raw === null || raw === '') return 'Asc';
  if (raw === 'Asc' || raw === 'Desc') return raw;
  throw retrievalError(21405, `sortOrder: dozwolone wartości to Asc, Desc (otrzymano "${raw}").`);
}

function parsePageOffset(ctx: RequestContext): number {
  const raw = ctx.query.get('pageOffset');
  if (raw === null || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw retrievalError(21405, 'pageOffset: wartość musi być nieujemną liczbą całkowitą.');
  return value;
}

/**
 * One page of a filter set. Only the first `metadataRowCap` rows of a filter set are reachable; the page that
 * touches the cap while more rows exist says `isTruncated`, and the client narrows `dateRange` from the last record.
 */
function metadataPage(ctx: RequestContext, deps: SandboxDeps, context: ContextIdentifier): MetadataPage {
  const sortOrder = parseSortOrder(ctx);
  const pageOffset = parsePageOffset(ctx);
  const pageSize = parsePageSize(ctx.query.get('pageSize'), { min: 10, max: 250, fallback: 10 });
  const filters = parseJsonBody(ctx, invoiceQueryFiltersSchema);
  const now = deps.clock.now();
  const tuning = retrievalTuning(deps);
  const resolved = resolveWindow(filters, now, tuning.hwmLagMs);
  if (!resolved.ok) throw retrievalError(21183, FROM_AFTER_HWM_DETAIL);
  const { window } = resolved;
  const matches = selectInvoices(deps.store, context, filters, window, now, sortOrder);
  const start = pageOffset * pageSize;
  const end = Math.min(start + pageSize, tuning.metadataRowCap);
  // Past the cap the page is empty and the client is told to narrow the range, exactly as at the cap.
  const page = start < end ? matches.slice(start, end) : [];
  const hasMore = matches.length > end;
  return {
    hasMore,
    isTruncated: hasMore && end >= tuning.metadataRowCap,
    ...(window.permanentStorageHwm ? { permanentStorageHwmDate: formatKsefDateTime(window.permanentStorageHwm) } : {}),
    invoices: page.map(toInvoiceMetadata),
  };
}

function downloadInvoice(deps: SandboxDeps, ksefNumber: string, context: ContextIdentifier): HandlerResponse {
  if (!KSEF_NUMBER_PATTERN.test(ksefNumber)) throw retrievalError(21405, `ksefNumber: nieprawidłowy numer KSeF "${ksefNumber}".`);
  const invoice = invoiceArchive(deps.store).byKsefNumber[ksefNumber];
  // An invoice the caller is no party to is reported exactly like a missing one, so numbers cannot be probed.
  if (!invoice || !canDownload(invoice, context)) {
    throw retrievalError(21164, `Faktura o numerze KSeF ${ksefNumber} nie została znaleziona.`);
  }
  if (!isStored(invoice, deps.clock.now())) {
    throw retrievalError(
      21165,
      `Faktura o numerze KSeF ${ksefNumber} została przetworzona, ale nie jest jeszcze dostępna do pobrania. Spróbuj ponownie później.`,
    );
  }
  return { status: 200, body: invoice.xml, contentType: 'application/xml', headers: { 'x-ms-meta-hash': invoice.invoiceHash } };
}

export function registerQueryRoutes(router: Router, deps: SandboxDeps): void {
  router.post(
    '/invoices/query/metadata',
    withAccess(deps, ['InvoiceRead'], (ctx, access) => json(200, metadataPage(ctx, deps, access.context))),
  );
  router.get(
    '/invoices/ksef/{ksefNumber}',
    withAccess(deps, ['InvoiceRead'], (ctx, access) => downloadInvoice(deps, ctx.params.ksefNumber ?? '', access.context)),
  );
}
