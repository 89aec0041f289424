/** How a received invoice is shown: the shared invoice view data, its KOD I link and its PDF (the documents module). */
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { ReceivedInvoiceRow } from '../../../shared/ipc/channels/received';
import type { InvoiceViewData } from '../../../shared/domain/invoice/view';
import { isAppError } from '../errors/app-error';
import { buildInvoiceViewData, renderInvoicePdf } from '../invoices/document-service';
import { kod1Url } from '../invoices/qr';
import type { PdfRenderer } from './export-jobs';

export interface ReceivedDocuments {
  /** InvoiceViewData for `<InvoiceView>`, or null when the XML cannot be read as FA(3). */
  view(xml: Buffer, row: ReceivedInvoiceRow, environment: KsefEnvironment): Promise<InvoiceViewData | null>;
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
 * The documents module as received invoices use it: the shared view data (with KOD I) and the PDF. An invoice the
 * FA(3) reader cannot read still opens, with its KSeF facts only (view null).
 */
export function receivedDocuments(): ReceivedDocuments {
  return {
    view: async (xml, row, environment) => {
      try {
        return await buildInvoiceViewData({ xml, ksefNumber: row.ksefNumber, environment });
      } catch (error) {
        if (isAppError(error)) return null;
        throw error;
      }
    },
    pdf: (environment) => (xml, row) => renderInvoicePdf({ xml, ksefNumber: row.ksefNumber, environment }),
  };
}
