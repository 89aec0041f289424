/** Records of online and batch sessions as the sandbox keeps them (JSON-friendly: dates are ISO strings). */
import type { AuthenticationMethod, ContextIdentifier, SubjectIdentity } from '../state/types';

export type SessionType = 'Online' | 'Batch';

/** `StatusInfo` / `InvoiceStatusInfo` of the spec. */
export interface StatusRecord {
  code: number;
  description: string;
  details?: string[];
  extensions?: Record<string, string | null>;
}

export interface SessionInvoiceRecord {
  ordinalNumber: number;
  referenceNumber: string;
  /** Base64 SHA-256 of the plain invoice (declared by the client online; computed in batch). */
  invoiceHash: string;
  /** Batch only: the entry name inside the archive. */
  invoiceFileName?: string;
  /** ISO: accepted for processing (online: sent; batch: session opened). */
  invoicingDate: string;
  status: StatusRecord;
  invoiceNumber?: string;
  ksefNumber?: string;
  acquisitionDate?: string;
  permanentStorageDate?: string;
  invoicingMode?: 'Online' | 'Offline';
  offlineMode: boolean;
  hashOfCorrectedInvoice?: string;
}

export interface UpoPageRecord {
  referenceNumber: string;
  xml: string;
}

export interface BatchPartDeclaration {
  ordinalNumber: number;
  /** Encrypted part size and Base64 SHA-256, as declared at open. */
  fileSize: number;
  fileHash: string;
}

export interface BatchDeclaration {
  /** Plain archive size and hash. */
  fileSize: number;
  fileHash: string;
  compressionType: 'Zip' | 'TarGz';
  parts: BatchPartDeclaration[];
  /** ISO: the upload window closes (20 min × number of parts after open). */
  uploadDeadline: string;
}

export interface SessionRecord {
  referenceNumber: string;
  type: SessionType;
  context: ContextIdentifier;
  /** Who opened it: InvoiceWrite holders see only sessions of the same subject. */
  identity?: SubjectIdentity;
  authReferenceNumber: string;
  authMethod: AuthenticationMethod;
  ksefTokenReference?: string;
  /** Base64 SHA-256 of the signed AuthTokenRequest of a XAdES sign-in (for the UPO). */
  authDocumentHash?: string;
  status: StatusRecord;
  dateCreated: string;
  dateUpdated: string;
  dateClosed?: string;
  validUntil: string;
  /** AES-256 key and IV (Base64); absent when the key could not be unwrapped (status 415). */
  symmetricKey?: string;
  initializationVector: string;
  offlineMode: boolean;
  invoices: SessionInvoiceRecord[];
  upoPages: UpoPageRecord[];
  batch?: BatchDeclaration;
}
