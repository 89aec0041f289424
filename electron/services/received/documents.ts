/** How a received invoice is shown: the shared invoice view data, its KOD I link and its PDF (the documents module). */
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { ReceivedInvoiceRow } from '../../../shared/ipc/channels/received';
import { kod1Url } from '../invoices/qr';
import type { PdfRenderer } from './export-jobs';

export interface ReceivedDocuments {
  /** InvoiceViewData for `<InvoiceView>`, or null when the XML cannot be read as FA(3). */
  view(xml: Buffer, row: ReceivedInvoiceRow, environment: KsefEnvironment): Promise<unknown>;
  pdf: ((environment: KsefEnvironment) => PdfRenderer) | null;
}

/** KOD I of a received invoice: seller NIP, issue date and the hash of the exact bytes. */
export function receivedKod1(xml: Buffer, row: ReceivedInvoiceRow, environment: KsefEnvironment): string | null {
  try {
    return kod1Url({ environment, sellerNip: row.sellerNip, issueDate: row.issueDate, xml });
  } catch {
    return null;
  }
}

/**
 * The documents module's ports as received invoices use them. The invoice view builder and the PDF renderer are
 * plugged in here when that module provides them; until then the viewer shows the row and KOD I, and PDF
 * requests answer NOT_AVAILABLE_IN_ENVIRONMENT.
 */
export function receivedDocuments(): ReceivedDocuments {
  return { view: async () => null, pdf: null };
}
