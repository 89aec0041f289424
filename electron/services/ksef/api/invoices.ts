/** Retrieving invoices (PROTOCOL §10): metadata query, single download, exports. */
import type { KsefSession } from '../auth/session';
import { generateSymmetricKey, sha256Base64, type SymmetricKey } from '../encryption';
import { KsefOperationError, KsefResponseFormatError } from '../http/errors';
import { pathParam } from '../http/transport';
import type { KsefPublicKeys } from '../public-keys';
import { systemTime, type KsefTime } from '../time';
import {
  EXPORT_STATUS,
  exportStartedSchema,
  exportStatusSchema,
  metadataPageSchema,
  type ExportStatus,
  type InvoiceQueryFilters,
  type MetadataPage,
} from './invoices-models';

export interface MetadataPageRequest {
  pageOffset?: number;
  /** 10–250. */
  pageSize?: number;
  sortOrder?: 'Asc' | 'Desc';
}

export interface DownloadedInvoice {
  xml: Buffer;
  /** SHA-256 Base64 of `xml`, as KSeF reports it (x-ms-meta-hash) or as computed. */
  hash: string;
}

export interface StartedExport {
  referenceNumber: string;
  /** Needed to decrypt the parts; keep it with the reference number until the package is imported. */
  key: SymmetricKey;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The transport decodes answers as UTF-8 text, which drops a leading BOM. KSeF's hash says which
 * bytes it holds: when the text alone does not match but BOM + text does, the BOM was there.
 */
export function storedBytes(text: string, expectedHash: string | undefined): Buffer {
  const plain = Buffer.from(text, 'utf8');
  if (!expectedHash || sha256Base64(plain) === expectedHash) return plain;
  const withBom = Buffer.concat([UTF8_BOM, plain]);
  if (sha256Base64(withBom) === expectedHash) return withBom;
  throw new KsefResponseFormatError('GET /invoices/ksef/{ksefNumber}', ['downloaded bytes do not match the hash KSeF reports']);
}

export class KsefInvoicesApi {
  private readonly time: KsefTime;

  constructor(
    private readonly session: KsefSession,
    private readonly publicKeys: KsefPublicKeys,
    options: { time?: KsefTime } = {},
  ) {
    this.time = options.time ?? systemTime;
  }

  /** POST /invoices/query/metadata: one page of one filter set. */
  queryMetadata(filters: InvoiceQueryFilters, page: MetadataPageRequest = {}): Promise<MetadataPage> {
    return this.session.requestJson(
      {
        method: 'POST',
        path: '/invoices/query/metadata',
        template: '/invoices/query/metadata',
        query: { sortOrder: page.sortOrder ?? 'Asc', pageOffset: page.pageOffset ?? 0, pageSize: page.pageSize ?? 250 },
        json: filters,
      },
      metadataPageSchema,
    );
  }

  /** GET /invoices/ksef/{n}: the exact bytes KSeF stores, checked against `expectedHash` (or KSeF's header). */
  async download(ksefNumber: string, expectedHash?: string): Promise<DownloadedInvoice> {
    const response = await this.session.request({
      method: 'GET',
      path: `/invoices/ksef/${pathParam(ksefNumber)}`,
      template: '/invoices/ksef/{ksefNumber}',
      headers: { accept: 'application/xml' },
    });
    const hash = expectedHash ?? response.headers['x-ms-meta-hash'];
    const xml = storedBytes(response.bodyText, hash);
    return { xml, hash: hash ?? sha256Base64(xml) };
  }

  /** POST /invoices/exports with a fresh AES key wrapped for KSeF's SymmetricKeyEncryption key. */
  async startExport(filters: InvoiceQueryFilters, options: { onlyMetadata?: boolean } = {}): Promise<StartedExport> {
    const key = generateSymmetricKey();
    return this.publicKeys.retryOnUnknownKey(async () => {
      const wrapped = await this.publicKeys.encrypt('SymmetricKeyEncryption', key.key);
      const started = await this.session.requestJson(
        {
          method: 'POST',
          path: '/invoices/exports',
          template: '/invoices/exports',
          json: {
            encryption: { encryptedSymmetricKey: wrapped.encrypted, initializationVector: key.iv.toString('base64'), publicKeyId: wrapped.publicKeyId },
            filters,
            onlyMetadata: options.onlyMetadata ?? false,
            compressionType: 'Zip',
          },
        },
        exportStartedSchema,
      );
      return { referenceNumber: started.referenceNumber, key };
    });
  }

  /** GET /invoices/exports/{ref}. */
  exportStatus(referenceNumber: string): Promise<ExportStatus> {
    return this.session.requestJson(
      { method: 'GET', path: `/invoices/exports/${pathParam(referenceNumber)}`, template: '/invoices/exports/{referenceNumber}' },
      exportStatusSchema,
    );
  }

  /**
   * Polls until the export leaves "in progress". Resolves with status 200 or 420 (`from` after the HWM:
   * nothing new, a normal outcome of incremental sync); any other status throws KsefOperationError.
   */
  async waitForExport(referenceNumber: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ExportStatus> {
    const deadline = this.time.now() + (options.timeoutMs ?? 15 * 60_000);
    for (let delay = 200; ; delay = Math.min(delay * 2, 5_000)) {
      options.signal?.throwIfAborted();
      const status = await this.exportStatus(referenceNumber);
      const code = status.status.code;
      if (code === EXPORT_STATUS.done || code === EXPORT_STATUS.fromAfterHwm) return status;
      if (code !== EXPORT_STATUS.inProgress) {
        throw new KsefOperationError('invoice export', referenceNumber, code, status.status.description, status.status.details ?? []);
      }
      if (this.time.now() + delay > deadline) throw new KsefOperationError('invoice export', referenceNumber, code, 'timed out while in progress');
      await this.time.sleep(delay);
    }
  }
}
