/** JSON views of session records in the spec's response shapes. */
import { formatKsefDateTime } from '../server/clock';
import { presignUrl, PRESIGNED_PREFIX } from './presign';
import { UPO_URL_LIFETIME_MS, type SessionRuntime } from './runtime';
import { isInvoiceFailed } from './statuses';
import type { SessionInvoiceRecord, SessionRecord, StatusRecord } from './types';

const ksefTime = (iso: string): string => formatKsefDateTime(new Date(iso));

export function statusView(status: StatusRecord): StatusRecord {
  return {
    code: status.code,
    description: status.description,
    ...(status.details?.length ? { details: [...status.details] } : {}),
    ...(status.extensions ? { extensions: { ...status.extensions } } : {}),
  };
}

export function invoiceCounts(session: SessionRecord): { total: number; successful: number; failed: number } {
  let successful = 0;
  let failed = 0;
  for (const invoice of session.invoices) {
    if (invoice.status.code === 200) successful++;
    else if (isInvoiceFailed(invoice.status.code)) failed++;
  }
  return { total: session.invoices.length, successful, failed };
}

export function invoiceUpoPath(sessionReference: string, invoiceReference: string): string {
  return `${PRESIGNED_PREFIX}/upo/${sessionReference}/invoice/${invoiceReference}`;
}

export function sessionUpoPath(sessionReference: string, upoReference: string): string {
  return `${PRESIGNED_PREFIX}/upo/${sessionReference}/page/${upoReference}`;
}

export function sessionListItemView(session: SessionRecord): Record<string, unknown> {
  const counts = invoiceCounts(session);
  return {
    referenceNumber: session.referenceNumber,
    status: statusView(session.status),
    dateCreated: ksefTime(session.dateCreated),
    dateUpdated: ksefTime(session.dateUpdated),
    validUntil: ksefTime(session.validUntil),
    totalInvoiceCount: counts.total,
    successfulInvoiceCount: counts.successful,
    failedInvoiceCount: counts.failed,
  };
}

/** Download links are generated fresh on every status query, as the spec describes for `upoDownloadUrl`. */
export function sessionStatusView(runtime: SessionRuntime, session: SessionRecord, apiBaseUrl: string): Record<string, unknown> {
  const counts = invoiceCounts(session);
  const expiresAt = new Date(runtime.now().getTime() + UPO_URL_LIFETIME_MS);
  const pages = session.upoPages.map((page) => ({
    referenceNumber: page.referenceNumber,
    downloadUrl: presignUrl(runtime.presignKey, apiBaseUrl, sessionUpoPath(session.referenceNumber, page.referenceNumber), expiresAt).url,
    downloadUrlExpirationDate: formatKsefDateTime(expiresAt),
  }));
  return {
    status: statusView(session.status),
    dateCreated: ksefTime(session.dateCreated),
    dateUpdated: ksefTime(session.dateUpdated),
    ...(session.status.code === 100 ? { validUntil: ksefTime(session.validUntil) } : {}),
    ...(pages.length ? { upo: { pages } } : {}),
    invoiceCount: counts.total,
    successfulInvoiceCount: counts.successful,
    failedInvoiceCount: counts.failed,
  };
}

export function invoiceView(runtime: SessionRuntime, session: SessionRecord, invoice: SessionInvoiceRecord, apiBaseUrl: string): Record<string, unknown> {
  const expiresAt = new Date(runtime.now().getTime() + UPO_URL_LIFETIME_MS);
  const upoUrl = invoice.ksefNumber
    ? presignUrl(runtime.presignKey, apiBaseUrl, invoiceUpoPath(session.referenceNumber, invoice.referenceNumber), expiresAt).url
    : undefined;
  return {
    ordinalNumber: invoice.ordinalNumber,
    ...(invoice.invoiceNumber ? { invoiceNumber: invoice.invoiceNumber } : {}),
    ...(invoice.ksefNumber ? { ksefNumber: invoice.ksefNumber } : {}),
    referenceNumber: invoice.referenceNumber,
    invoiceHash: invoice.invoiceHash,
    ...(invoice.invoiceFileName ? { invoiceFileName: invoice.invoiceFileName } : {}),
    ...(invoice.acquisitionDate ? { acquisitionDate: ksefTime(invoice.acquisitionDate) } : {}),
    invoicingDate: ksefTime(invoice.invoicingDate),
    ...(invoice.permanentStorageDate ? { permanentStorageDate: ksefTime(invoice.permanentStorageDate) } : {}),
    ...(upoUrl ? { upoDownloadUrl: upoUrl, upoDownloadUrlExpirationDate: formatKsefDateTime(expiresAt) } : {}),
    ...(invoice.invoicingMode ? { invoicingMode: invoice.invoicingMode } : {}),
    status: statusView(invoice.status),
  };
}
