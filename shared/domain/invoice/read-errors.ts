/** Codes of the FA(3) reader's failures (the renderer words them; see renderer/i18n/invoice-document.*.ts). */
export const INVOICE_READ_ERROR_CODES = ['EMPTY_FILE', 'MALFORMED_XML', 'UNSUPPORTED_XML', 'NOT_FA3', 'INVALID_FA3'] as const;
/**
 * EMPTY_FILE: no content · MALFORMED_XML: not well-formed XML or not UTF-8 · UNSUPPORTED_XML: a DOCTYPE, another
 * declared encoding or absurd nesting · NOT_FA3: another document (FA(2), UPO, …) · INVALID_FA3: FA(3) namespace
 * but not the FA(3) structure (a required element missing, a value outside a code list).
 */
export type InvoiceReadErrorCode = (typeof INVOICE_READ_ERROR_CODES)[number];
