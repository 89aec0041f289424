import type { outboxPl } from './outbox.pl';

export const outboxEn: typeof outboxPl = {
  ksefInvoiceStatus: {
    '100': 'Invoice accepted for processing',
    '150': 'The invoice is being processed',
    '200': 'Invoice accepted — KSeF number assigned',
    '405': 'Processing cancelled because of a session error',
    '410': 'No permission to issue invoices on behalf of this seller',
    '415': 'Attachments are not allowed (enable them in e-Urząd Skarbowy or send in a batch)',
    '420': 'The session invoice limit was exceeded',
    '430': 'The invoice does not match the FA(3) schema',
    '435': 'The invoice could not be decrypted',
    '440': 'Duplicate — an invoice with this number has already been accepted by KSeF',
    '445': 'The session holds no valid invoice',
    '450': 'The invoice failed semantic verification',
    '500': 'Unknown KSeF error — try again',
    '550': 'KSeF interrupted the processing — try again',
    other: 'KSeF rejected the invoice (code {{code}})',
  },
};
