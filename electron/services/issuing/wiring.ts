import type { KsefEnvironment } from '../../../shared/domain/environments';
import { buildInvoiceViewData, renderInvoicePdf } from '../invoices/document-service';
import { writeInvoiceXml } from '../invoices/xml';
import type { IssuingDocuments } from './issue-service';

/**
 * The document layer as issuing uses it: the FA(3) writer, the in-app XSD check, the invoice view and the PDF.
 * Each port is filled in as its module is available; a missing one makes the channel answer a clear error.
 */
export function issuingDocuments(environment: () => KsefEnvironment): IssuingDocuments {
  return {
    writeXml: (invoice) => writeInvoiceXml(invoice),
    view: (xml) => buildInvoiceViewData({ xml: Buffer.from(xml, 'utf8'), environment: environment() }),
    pdf: (xml) => renderInvoicePdf({ xml: Buffer.from(xml, 'utf8'), environment: environment() }),
  };
}
