/**
 * A renderer-neutral layout of one invoice: sections of labelled fields, party blocks, tables and QR codes,
 * in the order the PDF and the React view show them. Words are label keys (Polish for the PDF, i18n in the view);
 * data is already formatted text.
 */
import type { InvoiceQrCode } from '../invoice/view';
import type { InvoiceDocumentLabel } from './labels.pl';

/** Either a word to translate or literal text from the invoice. */
export type DocText = { label: InvoiceDocumentLabel } | { text: string };

export interface DocField {
  label: InvoiceDocumentLabel;
  value: DocText[];
}

export interface DocParty {
  title: InvoiceDocumentLabel;
  /** e.g. the role of a third party. */
  subtitle?: DocText[];
  fields: DocField[];
}

export type DocCellAlign = 'left' | 'right' | 'center';

export interface DocColumn {
  label: InvoiceDocumentLabel;
  /** A heading taken from the invoice itself (attachment tables); wins over `label`. */
  heading?: string;
  align: DocCellAlign;
  /** Relative width hint for the PDF ('*' takes what is left). */
  width: number | '*';
}

export interface DocRow {
  cells: DocText[][];
  /** A correction's "before" row, or a total line. */
  tone?: 'before' | 'total';
  /** Small print under the row's name cell (codes such as GTIN, PKWiU, GTU). */
  note?: DocText[];
}

export type DocBlock =
  | { type: 'fields'; fields: DocField[] }
  | { type: 'parties'; parties: DocParty[] }
  | { type: 'table'; caption?: DocText[]; columns: DocColumn[]; rows: DocRow[] }
  | { type: 'paragraph'; text: DocText[]; emphasis?: boolean }
  | { type: 'qr'; codes: InvoiceQrCode[] };

export type DocSectionId =
  | 'correction'
  | 'parties'
  | 'details'
  | 'lines'
  | 'order'
  | 'vatSummary'
  | 'annotations'
  | 'additional'
  | 'settlement'
  | 'payment'
  | 'other'
  | 'footer'
  | 'qr'
  | 'attachment';

export interface DocSection {
  id: DocSectionId;
  /** null where the content speaks for itself (the party blocks carry their own titles). */
  title: InvoiceDocumentLabel | null;
  blocks: DocBlock[];
}

export interface InvoiceDocument {
  title: InvoiceDocumentLabel;
  number: string;
  ksefNumber: string | null;
  /** Headline facts beside the title: issue date, place, sale date. */
  headline: DocField[];
  /** The total due, shown big under the parties. */
  totalDue: { label: InvoiceDocumentLabel; amount: string };
  sections: DocSection[];
}

export const label = (key: InvoiceDocumentLabel): DocText => ({ label: key });
export const text = (value: string): DocText => ({ text: value });

/** Resolves a DocText list with a dictionary (Polish for the PDF, i18n in the view). */
export function resolveText(parts: readonly DocText[], words: (key: InvoiceDocumentLabel) => string): string {
  return parts.map((part) => ('label' in part ? words(part.label) : part.text)).join('');
}
