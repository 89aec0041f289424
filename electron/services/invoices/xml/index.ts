/** FA(3) XML: the writer, the reader and the preserved-element handling behind them. */
export { writeInvoiceXml, writeInvoiceXmlBytes } from './fa3-writer';
export type { WriteOptions } from './fa3-writer';
export { readInvoiceXml, INVOICE_READ_ERROR_CODES } from './fa3-reader';
export type { InvoiceReadErrorCode, ReadInvoiceResult } from './fa3-reader';
export { describeInvoice } from '../../../../shared/domain/invoice/describe';
export type { InvoiceDescription } from '../../../../shared/domain/invoice/describe';
