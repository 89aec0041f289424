import type { invoiceDocumentPl } from './invoice-document.pl';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const invoiceDocumentEn: Widen<typeof invoiceDocumentPl> = {
  invoiceDocument: {
    readErrors: {
      EMPTY_FILE: 'The file is empty.',
      MALFORMED_XML: 'This is not a well-formed XML file (or it is not UTF-8).',
      UNSUPPORTED_XML: 'This XML file uses constructs we do not accept (DOCTYPE, an encoding other than UTF-8, or absurd nesting).',
      NOT_FA3: 'This is not an FA(3) invoice (e.g. FA(2) or a UPO).',
      INVALID_FA3: 'The FA(3) invoice is malformed: a required element is missing or a value is outside its code list.',
    },
    rules: {
      SELLER_NIP_CHECKSUM: 'The seller NIP has a wrong check digit.',
      BUYER_NIP_CHECKSUM: 'The buyer NIP has a wrong check digit.',
      BANK_ACCOUNT_INVALID: 'The account number is not a valid IBAN/NRB.',
      SPLIT_PAYMENT_REQUIRED: 'An invoice above PLN 15,000 gross with Annex 15 goods or services must be marked "split payment mechanism".',
      CORRECTION_DATA_MISSING: 'A correcting invoice must name the invoice it corrects.',
      CORRECTION_DATA_UNEXPECTED: 'Only a correcting invoice names a corrected invoice.',
      SUMMARY_MISMATCH: 'The summary (P_13/P_14/P_15) does not match the lines.',
      LINE_WITHOUT_RATE: 'The line has no VAT rate.',
      EXCHANGE_RATE_MISSING: 'With another currency, give the exchange rate so VAT can be shown in PLN.',
      EXEMPTION_BASIS_MISSING: 'For exempt sales, give the legal basis of the exemption.',
      REVERSE_CHARGE_NOT_ANNOTATED: 'With reverse charge, tick the "reverse charge" annotation.',
      SALE_PERIOD_REVERSED: 'The sale period ends before it starts.',
      NO_LINES: 'The invoice needs at least one line.',
      ISSUE_DATE_IN_FUTURE: 'The issue date cannot be later than the day the invoice is sent to KSeF.',
    },
  },
};
