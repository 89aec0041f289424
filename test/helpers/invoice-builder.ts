/** Session-test helpers: test invoices, client-side session crypto, spec-checked session calls and polling. */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunningSandbox } from '../../electron/sandbox/index';
import { createXsdSchemaValidator, singleFileSchema } from '../../electron/sandbox/invoices/schema-validator';
import { ClientSessionKey, FA3_FORM_CODE, sendInvoiceBody, type SendInvoiceBody } from '../../electron/sandbox/sessions/client-kit';
import { ksefPackDir } from './ksef-pack';
import { expectRequestMatchesSpec } from './openapi-checks';
import { publicKeyFor } from './sandbox-auth';
import { callChecked, type ApiResponse } from './sandbox-http';

export { buildTestInvoice, ClientSessionKey, encryptParts, zipInvoices, batchOpenBody, sendInvoiceBody, type EncryptedPart } from '../../electron/sandbox/sessions/client-kit';

export const packDir = ksefPackDir();
/** The UPO XSD comes from the pack (the FA(3) XSD ships with the app). */
export const canValidateXsd = packDir !== undefined;

/** Exception code of a 400 in the default (ExceptionResponse) format. */
export function exceptionCode(response: ApiResponse): number | undefined {
  return (response.body as { exception?: { exceptionDetailList?: { exceptionCode: number }[] } }).exception?.exceptionDetailList?.[0]?.exceptionCode;
}

export interface OpenedOnlineSession {
  referenceNumber: string;
  key: ClientSessionKey;
}

export async function openOnlineSession(sandbox: RunningSandbox, bearer: string): Promise<OpenedOnlineSession> {
  const key = new ClientSessionKey();
  const certificate = await publicKeyFor(sandbox.baseUrl, 'SymmetricKeyEncryption');
  const body = { formCode: FA3_FORM_CODE, encryption: key.encryptionInfo(certificate.certificate, certificate.publicKeyId) };
  expectRequestMatchesSpec('POST', '/sessions/online', body);
  const response = await callChecked(sandbox.baseUrl, 'POST', '/sessions/online', '/sessions/online', { bearer, body });
  expect(response.status).toBe(201);
  return { referenceNumber: (response.body as { referenceNumber: string }).referenceNumber, key };
}

export async function sendInvoice(
  sandbox: RunningSandbox,
  bearer: string,
  session: OpenedOnlineSession,
  xml: Buffer,
  tweak: (body: SendInvoiceBody) => SendInvoiceBody = (body) => body,
): Promise<ApiResponse> {
  const body = tweak(sendInvoiceBody(session.key, xml));
  expectRequestMatchesSpec('POST', '/sessions/online/{referenceNumber}/invoices', body);
  return callChecked(sandbox.baseUrl, 'POST', `/sessions/online/${session.referenceNumber}/invoices`, '/sessions/online/{referenceNumber}/invoices', {
    bearer,
    body,
  });
}

export interface InvoiceStatusBody {
  ordinalNumber: number;
  referenceNumber: string;
  ksefNumber?: string;
  invoiceNumber?: string;
  invoiceFileName?: string;
  invoicingMode?: string;
  upoDownloadUrl?: string;
  status: { code: number; description: string; details?: string[]; extensions?: Record<string, string> };
}

export interface SessionStatusBody {
  status: { code: number; description: string; details?: string[] };
  invoiceCount?: number;
  successfulInvoiceCount?: number;
  failedInvoiceCount?: number;
  upo?: { pages: { referenceNumber: string; downloadUrl: string }[] };
}

export async function sessionStatus(sandbox: RunningSandbox, bearer: string, reference: string): Promise<SessionStatusBody> {
  const response = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${reference}`, '/sessions/{referenceNumber}', { bearer });
  expect(response.status).toBe(200);
  return response.body as SessionStatusBody;
}

export async function invoiceStatus(sandbox: RunningSandbox, bearer: string, session: string, invoice: string): Promise<InvoiceStatusBody> {
  const response = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session}/invoices/${invoice}`, '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}', {
    bearer,
  });
  expect(response.status).toBe(200);
  return response.body as InvoiceStatusBody;
}

/** Polls until `read` returns a value `done` accepts (processing is asynchronous but quick). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Verdict of a UPO document against the official v4-3 XSD (call only when `canValidateXsd`). */
export async function validateUpo(xml: string): Promise<{ ok: boolean; details?: string[] }> {
  const validator = createXsdSchemaValidator(singleFileSchema(join(packDir ?? '', 'schemas', 'upo', 'upo-v4-3.xsd')));
  const [verdict] = await validator.validateMany([Buffer.from(xml, 'utf8')]);
  return verdict && !verdict.ok ? { ok: false, details: verdict.details } : { ok: true };
}
