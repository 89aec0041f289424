/** `POST /invoices/exports`, `GET /invoices/exports/{referenceNumber}` and the presigned part downloads. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { withAccess } from '../auth/request-auth';
import type { SandboxDeps } from '../deps';
import { isReferenceNumber, newReferenceNumber } from '../ids/reference-number';
import { parseJsonBody } from '../server/body';
import { formatKsefDateTime } from '../server/clock';
import { gone, notFound } from '../server/errors';
import { json, type RequestContext, type Router } from '../server/router';
import { PRESIGNED_PREFIX, presignUrl, verifyPresigned } from '../sessions/presign';
import { contextKey } from '../state/core-slices';
import type { ContextIdentifier } from '../state/types';
import { retrievalError } from './errors';
import { encryptedPartsOf, scheduleExport } from './export-process';
import { exportStatus, invoiceExports, type ExportRecord } from './export-store';
import { invoiceQueryFiltersSchema, resolveWindow } from './filters';
import { retrievalTuning } from './tuning';
import { allowedSubjectTypes } from './visibility';

const MAX_EXPORTS_IN_PROGRESS = 10;
const STATUS_RETENTION_MS = 7 * 86_400_000;
const PART_LINK_LIFETIME_MS = 3_600_000;
const PART_PATH_PREFIX = `${PRESIGNED_PREFIX}/exports/`;

const base64 = z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be Base64');

const exportRequestSchema = z.object({
  encryption: z.object({ encryptedSymmetricKey: base64, initializationVector: base64, publicKeyId: z.string().length(44).nullish() }),
  filters: invoiceQueryFiltersSchema,
  onlyMetadata: z.boolean().nullish(),
  compressionType: z.enum(['Zip', 'TarGz']).nullish(),
});

const presignSecret = (deps: SandboxDeps) =>
  Buffer.from(deps.store.slice<{ key: string }>('exportPresignSecret', () => ({ key: randomBytes(32).toString('base64') })).key, 'base64');

function startExport(ctx: RequestContext, deps: SandboxDeps, context: ContextIdentifier) {
  const request = parseJsonBody(ctx, exportRequestSchema);
  const now = deps.clock.now();
  if (Buffer.from(request.encryption.initializationVector, 'base64').length !== 16) {
    throw retrievalError(21405, 'encryption.initializationVector: wektor inicjujący musi mieć 16 bajtów.');
  }
  const key = deps.crypto.keyFor('SymmetricKeyEncryption', request.encryption.publicKeyId, now);
  // Validates the date range now (400); `from` after the HWM is an export status (420), decided when processing.
  resolveWindow(request.filters, now, retrievalTuning(deps).hwmLagMs);
  if (!allowedSubjectTypes(context).includes(request.filters.subjectType)) {
    throw retrievalError(
      21181,
      `Nie można wyeksportować paczki faktur dla wybranego podmiotu (${request.filters.subjectType}) i zalogowanego identyfikatora kontekstu (${context.type}).`,
    );
  }
  const exports = invoiceExports(deps);
  const inProgress = Object.values(exports).filter((record) => record.status.code === 100 && contextKey(record.context) === contextKey(context));
  if (inProgress.length >= MAX_EXPORTS_IN_PROGRESS) {
    throw retrievalError(
      21182,
      `Dla uwierzytelnionego podmiotu w bieżącym kontekście osiągnięto maksymalny limit ${MAX_EXPORTS_IN_PROGRESS} równoczesnych eksportów faktur. Spróbuj ponownie później.`,
    );
  }
  const referenceNumber = newReferenceNumber('EH', now);
  exports[referenceNumber] = {
    referenceNumber,
    context,
    createdAt: now.toISOString(),
    encryptedSymmetricKey: request.encryption.encryptedSymmetricKey,
    initializationVector: request.encryption.initializationVector,
    publicKeyId: key.publicKeyId,
    filters: request.filters,
    onlyMetadata: request.onlyMetadata ?? false,
    compressionType: request.compressionType ?? 'Zip',
    status: exportStatus(100),
  };
  deps.store.changed();
  scheduleExport(deps, referenceNumber);
  return json(201, { referenceNumber });
}

const LAST_DATE_FIELD = { Issue: 'lastIssueDate', Invoicing: 'lastInvoicingDate', PermanentStorage: 'lastPermanentStorageDate' } as const;

function packageJson(deps: SandboxDeps, record: ExportRecord, baseUrl: string, now: Date) {
  const packageRecord = record.package;
  if (!packageRecord) return undefined;
  const packageExpiry = Date.parse(record.packageExpirationDate ?? record.createdAt);
  // Links are minted on every status call and never outlive the package.
  const expiresAt = new Date(Math.min(now.getTime() + PART_LINK_LIFETIME_MS, packageExpiry));
  return {
    invoiceCount: packageRecord.ksefNumbers.length,
    size: packageRecord.size,
    parts: packageRecord.parts.map((part) => ({
      ordinalNumber: part.ordinalNumber,
      partName: part.partName,
      method: 'GET',
      url: presignUrl(presignSecret(deps), baseUrl, `${PART_PATH_PREFIX}${record.referenceNumber}/${part.partName}`, expiresAt).url,
      partSize: part.partSize,
      partHash: part.partHash,
      encryptedPartSize: part.encryptedPartSize,
      encryptedPartHash: part.encryptedPartHash,
      expirationDate: formatKsefDateTime(expiresAt),
    })),
    isTruncated: packageRecord.isTruncated,
    ...(packageRecord.lastDate ? { [LAST_DATE_FIELD[record.filters.dateRange.dateType]]: packageRecord.lastDate } : {}),
    ...(packageRecord.permanentStorageHwmDate ? { permanentStorageHwmDate: packageRecord.permanentStorageHwmDate } : {}),
  };
}

function exportStatusResponse(ctx: RequestContext, deps: SandboxDeps, context: ContextIdentifier) {
  const referenceNumber = ctx.params.referenceNumber ?? '';
  if (!isReferenceNumber(referenceNumber)) throw retrievalError(21405, `referenceNumber: nieprawidłowy numer referencyjny "${referenceNumber}".`);
  const record = invoiceExports(deps)[referenceNumber];
  if (!record || contextKey(record.context) !== contextKey(context)) throw retrievalError(21175);
  const now = deps.clock.now();
  if (now.getTime() - Date.parse(record.createdAt) > STATUS_RETENTION_MS) throw gone('Operacja wygasła i nie jest już dostępna.');
  const expired = record.status.code === 200 && record.packageExpirationDate !== undefined && now.getTime() > Date.parse(record.packageExpirationDate);
  const body = {
    status: expired ? exportStatus(210) : record.status,
    ...(record.completedDate ? { completedDate: formatKsefDateTime(new Date(record.completedDate)) } : {}),
    ...(record.packageExpirationDate ? { packageExpirationDate: formatKsefDateTime(new Date(record.packageExpirationDate)) } : {}),
    ...(!expired && record.status.code === 200 ? { package: packageJson(deps, record, ctx.baseUrl, now) } : {}),
  };
  return json(200, body);
}

/** GET of a presigned part link: no Bearer, no rate limit; 403 for a bad or expired signature, as storage does. */
function partDownloadHandler(deps: SandboxDeps) {
  return async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<boolean> => {
    if (!path.startsWith(PART_PATH_PREFIX)) return false;
    verifyPresigned(presignSecret(deps), path, query, deps.clock.now());
    const [referenceNumber = '', partName = ''] = path.slice(PART_PATH_PREFIX.length).split('/');
    const record = invoiceExports(deps)[referenceNumber];
    const index = record?.package?.parts.findIndex((part) => part.partName === partName) ?? -1;
    const part = record?.package?.parts[index];
    const bytes = record && part ? encryptedPartsOf(deps, record)?.[index] : undefined;
    if (req.method !== 'GET' || !part || !bytes) throw notFound('Część paczki nie istnieje.');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), 'x-ms-meta-hash': part.encryptedPartHash });
    res.end(bytes);
    return true;
  };
}

export function registerExportRoutes(router: Router, deps: SandboxDeps): void {
  router.post('/invoices/exports', withAccess(deps, ['InvoiceRead'], (ctx, access) => startExport(ctx, deps, access.context)));
  router.get('/invoices/exports/{referenceNumber}', withAccess(deps, ['InvoiceRead'], (ctx, access) => exportStatusResponse(ctx, deps, access.context)));
  router.presignedHandler(partDownloadHandler(deps));
  // Exports still "in progress" when a persistent sandbox stopped are picked up again.
  for (const record of Object.values(invoiceExports(deps))) {
    if (record.status.code === 100) scheduleExport(deps, record.referenceNumber);
  }
}
