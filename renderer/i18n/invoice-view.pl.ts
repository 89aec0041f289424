import { INVOICE_DOCUMENT_LABELS_PL } from '../../shared/domain/invoice-document/labels.pl';

/** Texts of the invoice view (helper C). The document's words are shared with the PDF, so both say the same. */
export const invoiceViewPl = {
  invoiceView: {
    labels: INVOICE_DOCUMENT_LABELS_PL,
    openUrl: 'Otwórz adres weryfikacyjny',
    qrAlt: 'Kod QR {{label}}',
  },
};
