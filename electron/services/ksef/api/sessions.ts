/** Online and batch sessions, statuses and UPO (PROTOCOL §5–7), through the session's scheduler and transport. */
import type { KsefSession } from '../auth/session';
import { aes256CbcEncrypt, generateSymmetricKey, sha256Base64, type SymmetricKey } from '../encryption';
import { pathParam } from '../http/transport';
import {
  FA3_FORM_CODE,
  openBatchResponseSchema,
  openOnlineResponseSchema,
  referenceResponseSchema,
  sessionInvoiceSchema,
  sessionInvoicesSchema,
  sessionStatusSchema,
  type FormCode,
  type OpenBatchRequest,
  type PartUploadRequest,
  type SendInvoiceRequest,
  type SessionEncryption,
  type SessionInvoice,
  type SessionInvoicePage,
  type SessionStatus,
} from './sessions-models';

/** RSA-OAEP-wraps the session key for KSeF (`KsefPublicKeys.encrypt('SymmetricKeyEncryption', …)` fits). */
export type SymmetricKeyWrapper = (key: Buffer) => Promise<{ encrypted: string; publicKeyId: string }>;

export interface OpenedBatch {
  referenceNumber: string;
  partUploadRequests: PartUploadRequest[];
}

/** The encryption block of an open request for `key`. */
export async function sessionEncryption(key: SymmetricKey, wrap: SymmetricKeyWrapper): Promise<SessionEncryption> {
  const wrapped = await wrap(key.key);
  return { encryptedSymmetricKey: wrapped.encrypted, initializationVector: key.iv.toString('base64'), publicKeyId: wrapped.publicKeyId };
}

/** The body of POST /sessions/online/{ref}/invoices: hashes and sizes of the plain and the encrypted file. */
export function encryptInvoiceForSession(xml: Buffer, key: SymmetricKey, extra: { offlineMode?: boolean; hashOfCorrectedInvoice?: string } = {}): SendInvoiceRequest {
  const encrypted = aes256CbcEncrypt(xml, key);
  return {
    invoiceHash: sha256Base64(xml),
    invoiceSize: xml.length,
    encryptedInvoiceHash: sha256Base64(encrypted),
    encryptedInvoiceSize: encrypted.length,
    encryptedInvoiceContent: encrypted.toString('base64'),
    ...(extra.offlineMode ? { offlineMode: true } : {}),
    ...(extra.hashOfCorrectedInvoice ? { hashOfCorrectedInvoice: extra.hashOfCorrectedInvoice } : {}),
  };
}

export class KsefSessionsApi {
  constructor(private readonly session: KsefSession) {}

  /** POST /sessions/online with a fresh key; the key is needed for every invoice of this session. */
  async openOnline(wrap: SymmetricKeyWrapper, formCode: FormCode = FA3_FORM_CODE): Promise<{ referenceNumber: string; validUntil: string; key: SymmetricKey }> {
    const key = generateSymmetricKey();
    const encryption = await sessionEncryption(key, wrap);
    const opened = await this.session.requestJson({ method: 'POST', path: '/sessions/online', template: '/sessions/online', json: { formCode, encryption } }, openOnlineResponseSchema);
    return { ...opened, key };
  }

  /** POST /sessions/online/{ref}/invoices → the invoice reference (202; processing goes on asynchronously). */
  async sendOnlineInvoice(sessionReference: string, body: SendInvoiceRequest): Promise<string> {
    const sent = await this.session.requestJson(
      { method: 'POST', path: `/sessions/online/${pathParam(sessionReference)}/invoices`, template: '/sessions/online/{referenceNumber}/invoices', json: body },
      referenceResponseSchema,
    );
    return sent.referenceNumber;
  }

  async closeOnline(sessionReference: string): Promise<void> {
    await this.session.request({ method: 'POST', path: `/sessions/online/${pathParam(sessionReference)}/close`, template: '/sessions/online/{referenceNumber}/close' });
  }

  /** POST /sessions/batch: declares the archive and its encrypted parts; answers with presigned upload URLs. */
  openBatch(request: OpenBatchRequest): Promise<OpenedBatch> {
    return this.session.requestJson({ method: 'POST', path: '/sessions/batch', template: '/sessions/batch', json: request }, openBatchResponseSchema);
  }

  async closeBatch(sessionReference: string): Promise<void> {
    await this.session.request({ method: 'POST', path: `/sessions/batch/${pathParam(sessionReference)}/close`, template: '/sessions/batch/{referenceNumber}/close' });
  }

  status(sessionReference: string): Promise<SessionStatus> {
    return this.session.requestJson({ method: 'GET', path: `/sessions/${pathParam(sessionReference)}`, template: '/sessions/{referenceNumber}' }, sessionStatusSchema);
  }

  /** One page of GET /sessions/{ref}/invoices (or `/failed`); pageSize 10–1000. */
  invoices(sessionReference: string, page: { pageSize?: number; continuationToken?: string; failedOnly?: boolean } = {}): Promise<SessionInvoicePage> {
    const suffix = page.failedOnly ? '/failed' : '';
    return this.session.requestJson(
      {
        method: 'GET',
        path: `/sessions/${pathParam(sessionReference)}/invoices${suffix}`,
        template: `/sessions/{referenceNumber}/invoices${suffix}`,
        query: { pageSize: page.pageSize },
        ...(page.continuationToken ? { headers: { 'x-continuation-token': page.continuationToken } } : {}),
      },
      sessionInvoicesSchema,
    );
  }

  /** Every invoice of the session, following continuation tokens. */
  async allInvoices(sessionReference: string, options: { failedOnly?: boolean; pageSize?: number } = {}): Promise<SessionInvoice[]> {
    const all: SessionInvoice[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.invoices(sessionReference, { pageSize: options.pageSize ?? 1000, ...(options.failedOnly ? { failedOnly: true } : {}), ...(continuationToken ? { continuationToken } : {}) });
      all.push(...page.invoices);
      continuationToken = page.continuationToken ?? undefined;
    } while (continuationToken);
    return all;
  }

  invoice(sessionReference: string, invoiceReference: string): Promise<SessionInvoice> {
    return this.session.requestJson(
      {
        method: 'GET',
        path: `/sessions/${pathParam(sessionReference)}/invoices/${pathParam(invoiceReference)}`,
        template: '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}',
      },
      sessionInvoiceSchema,
    );
  }

  /** UPO of one invoice by its invoice reference (XML text). */
  async invoiceUpo(sessionReference: string, invoiceReference: string): Promise<string> {
    const response = await this.session.request({
      method: 'GET',
      path: `/sessions/${pathParam(sessionReference)}/invoices/${pathParam(invoiceReference)}/upo`,
      template: '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo',
      headers: { accept: 'application/xml' },
    });
    return response.bodyText;
  }

  /** UPO of one invoice by its KSeF number. */
  async invoiceUpoByKsefNumber(sessionReference: string, ksefNumber: string): Promise<string> {
    const response = await this.session.request({
      method: 'GET',
      path: `/sessions/${pathParam(sessionReference)}/invoices/ksef/${pathParam(ksefNumber)}/upo`,
      template: '/sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo',
      headers: { accept: 'application/xml' },
    });
    return response.bodyText;
  }

  /** One page of the session UPO (after close). */
  async sessionUpo(sessionReference: string, upoReference: string): Promise<string> {
    const response = await this.session.request({
      method: 'GET',
      path: `/sessions/${pathParam(sessionReference)}/upo/${pathParam(upoReference)}`,
      template: '/sessions/{referenceNumber}/upo/{upoReferenceNumber}',
      headers: { accept: 'application/xml' },
    });
    return response.bodyText;
  }
}
