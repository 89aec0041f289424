import type { issueAdvancePl } from './issue-advance.pl';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const issueAdvanceEn: Widen<typeof issueAdvancePl> = {
  issueAdvance: {
    zalTitle: 'Advance payment',
    zalIntro: 'An advance invoice documents a payment received before the sale. Enter the lines of the whole order or contract below, and the advance received here.',
    received: 'Advance received (gross)',
    receivedDate: 'Date the advance was received',
    receivedHint: 'The amount the buyer paid before the sale.',
    orderLines: 'Order or contract — lines',
    rozTitle: 'Advance invoices settled',
    rozIntro: 'A settlement invoice shows the whole sale; its net and VAT totals are reduced by the advances and the rest is left to pay.',
    pick: 'Pick from the advance invoices sent',
    noneSent: 'No advance invoice with a KSeF number has been sent — add one by hand.',
    add: 'Add an advance invoice',
    outsideKsef: 'Issued outside KSeF',
    ksefNumber: 'KSeF number of the advance invoice',
    number: 'Number of the advance invoice',
    gross: 'Advance (gross)',
    remove: 'Remove advance invoice {{index}}',
    totals: {
      orderValue: 'Order value (gross)',
      advance: 'Advance',
      advanceTotal: 'Advance amount',
      sale: 'Whole sale',
      advances: 'Advances',
      left: 'Left',
      leftToPay: 'Left to pay',
      bucket: 'Rate',
    },
    details: {
      open: 'Details of line {{index}}: PKWiU, GTU, Annex 15',
      title: 'Details of line {{index}}',
      pkwiu: 'PKWiU',
      pkwiuHint: 'Classification symbol, if you want to give it (optional).',
      gtu: 'GTU code',
      noGtu: 'None',
      annex15: 'Annex 15 (good or service under the split payment mechanism)',
      annex15Short: 'Annex 15',
      close: 'Done',
    },
    split: {
      autoTicked: 'Ticked automatically: an Annex 15 line, a buyer with NIP and a gross amount above PLN 15,000 — the invoice must carry the “split payment mechanism” annotation.',
    },
  },
};
