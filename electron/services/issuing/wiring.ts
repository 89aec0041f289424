import type { KsefEnvironment } from '../../../shared/domain/environments';
import { buildInvoiceViewData, renderInvoicePdf } from '../invoices/document-service';
import { getFa3Validator } from '../invoices/validation';
import { writeInvoiceXml } from '../invoices/xml';
import type { IssuingDocuments } from './issue-service';

/**
 * The document layer as issuing uses it: the FA(3) writer, the in-app XSD check, the invoice view and the PDF.
 * One validator for the process (compiled once, batched), the same the outbox checks files with.
 */
export function issuingDocuments(environment: () => KsefEnvironment): IssuingDocuments {
  return {
    writeXml: (invoice) => writeInvoiceXml(invoice),
    validate: (xml) => getFa3Validator().validate(xml),
    view: (xml) => buildInvoiceViewData({ xml: Buffer.from(xml, 'utf8'), environment: environment() }),
    pdf: (xml) => renderInvoicePdf({ xml: Buffer.from(xml, 'utf8'), environment: environment() }),
  };
}
