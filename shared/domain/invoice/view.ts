/**
 * What the renderer gets to show one invoice (helper C, see notes/INTERFACES.md "C"): the parsed model, its KSeF
 * number when known and the QR codes with their images. The layout itself comes from
 * shared/domain/invoice-document (`invoiceDocument`), so the React view and the PDF show the same content.
 */
import type { Invoice } from './model';

export type InvoiceQrKind = 'KOD_I' | 'KOD_II';

export interface InvoiceQrCode {
  kind: InvoiceQrKind;
  /** The exact URL encoded in the symbol (PROTOCOL.md §14). */
  url: string;
  /** Printed under the code: the KSeF number or OFFLINE for KOD I, CERTYFIKAT for KOD II. */
  label: string;
  /** PNG as a data: URL. */
  imageDataUrl: string;
}

export interface InvoiceViewData {
  invoice: Invoice;
  ksefNumber: string | null;
  qrCodes: InvoiceQrCode[];
}
