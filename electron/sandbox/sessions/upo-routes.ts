/** UPO downloads: per invoice (by invoice reference or KSeF number), session UPO pages, and their presigned links. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withAccess } from '../auth/request-auth';
import type { HandlerResponse, PresignedHandler, Router } from '../server/router';
import { sessionForRead } from './access';
import { sessionError } from './errors';
import { SESSION_READ_PERMISSIONS } from './open-session';
import { PRESIGNED_PREFIX, verifyPresigned } from './presign';
import type { SessionRuntime } from './runtime';
import type { SessionRecord } from './types';
import { invoiceUpoXml, xmlHashHeader } from './upo';

function xmlResponse(xml: string): HandlerResponse {
  return { status: 200, body: xml, contentType: 'application/xml; charset=utf-8', headers: xmlHashHeader(xml) };
}

function upoOfInvoice(runtime: SessionRuntime, session: SessionRecord, invoiceReference: string): string | undefined {
  const invoice = session.invoices.find((i) => i.referenceNumber === invoiceReference);
  return invoice?.ksefNumber ? invoiceUpoXml(runtime.deps.store, session, invoice.ksefNumber) : undefined;
}

function upoPage(session: SessionRecord, upoReference: string): string | undefined {
  return session.upoPages.find((p) => p.referenceNumber === upoReference)?.xml;
}

export function registerUpoRoutes(router: Router, runtime: SessionRuntime): void {
  const { deps } = runtime;

  router.get(
    '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo',
    withAccess(deps, SESSION_READ_PERMISSIONS, (ctx, access) => {
      const session = sessionForRead(runtime, ctx.params.referenceNumber ?? '', access);
      const invoiceReference = ctx.params.invoiceReferenceNumber ?? '';
      const xml = upoOfInvoice(runtime, session, invoiceReference);
      if (!xml) throw sessionError(21178, `UPO faktury ${invoiceReference} w sesji ${session.referenceNumber} nie zostało znalezione.`);
      return xmlResponse(xml);
    }),
  );

  router.get(
    '/sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo',
    withAccess(deps, SESSION_READ_PERMISSIONS, (ctx, access) => {
      const session = sessionForRead(runtime, ctx.params.referenceNumber ?? '', access);
      const ksefNumber = ctx.params.ksefNumber ?? '';
      const inSession = session.invoices.some((i) => i.ksefNumber === ksefNumber);
      const xml = inSession ? invoiceUpoXml(deps.store, session, ksefNumber) : undefined;
      if (!xml) {
        throw sessionError(21178, `UPO o numerze KSeF ${ksefNumber} i numerze referencyjnym sesji ${session.referenceNumber} nie zostało znalezione.`);
      }
      return xmlResponse(xml);
    }),
  );

  router.get(
    '/sessions/{referenceNumber}/upo/{upoReferenceNumber}',
    withAccess(deps, SESSION_READ_PERMISSIONS, (ctx, access) => {
      const session = sessionForRead(runtime, ctx.params.referenceNumber ?? '', access);
      const upoReference = ctx.params.upoReferenceNumber ?? '';
      const xml = upoPage(session, upoReference);
      if (!xml) throw sessionError(21178, `UPO o numerze referencyjnym ${upoReference} dla sesji ${session.referenceNumber} nie zostało znalezione.`);
      return xmlResponse(xml);
    }),
  );

  router.presignedHandler(createUpoDownloadHandler(runtime));
}

const UPO_PATH = new RegExp(`^${PRESIGNED_PREFIX}/upo/([0-9A-Z-]{36})/(invoice|page)/([0-9A-Z-]{36})$`);

/** `upoDownloadUrl` / `downloadUrl`: GET without a token; `x-ms-meta-hash` like the storage KSeF uses. */
function createUpoDownloadHandler(runtime: SessionRuntime): PresignedHandler {
  return (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<boolean> => {
    const match = UPO_PATH.exec(path);
    if (!match) return Promise.resolve(false);
    verifyPresigned(runtime.presignKey, path, query, runtime.now());
    const [, sessionReference = '', kind, reference = ''] = match;
    const session = runtime.sessions[sessionReference];
    const xml = session ? (kind === 'invoice' ? upoOfInvoice(runtime, session, reference) : upoPage(session, reference)) : undefined;
    if (req.method !== 'GET' || !xml) {
      res.writeHead(req.method !== 'GET' ? 405 : 404);
      res.end();
      return Promise.resolve(true);
    }
    const body = Buffer.from(xml, 'utf8');
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', 'content-length': String(body.length), ...xmlHashHeader(xml) });
    res.end(body);
    return Promise.resolve(true);
  };
}
