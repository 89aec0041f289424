/** The invoice as a document (helper C): one layout for the PDF and the React view. */
export * from './document';
export * from './format';
export { invoiceDocument } from './build-document';
export { INVOICE_DOCUMENT_LABELS_PL, type InvoiceDocumentLabel, type InvoiceDocumentLabels } from './labels.pl';
