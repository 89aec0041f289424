/** CSV of received invoices; by default what Polish Excel opens correctly: `;`, UTF-8 with BOM, decimal commas, CRLF. */
import type { ReceivedInvoiceRow } from '../../../shared/ipc/channels/received';

export interface CsvDialect {
  delimiter: ';' | ',' | '\t';
  decimalComma: boolean;
  bom: boolean;
}

export const POLISH_EXCEL: CsvDialect = { delimiter: ';', decimalComma: true, bom: true };

const HEADER = [
  'Numer KSeF',
  'Numer faktury',
  'Data wystawienia',
  'Data otrzymania',
  'NIP sprzedawcy',
  'Sprzedawca',
  'Nabywca',
  'Netto',
  'VAT',
  'Brutto',
  'Waluta',
  'Rodzaj',
  'Przeczytana',
  'Zaksięgowana',
  'Zapłacona',
  'Notatka',
];

function cell(value: string, dialect: CsvDialect): string {
  // A spreadsheet must never run text from an invoice as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\r\n;,\t]/.test(safe) || safe.includes(dialect.delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function amount(value: string, dialect: CsvDialect): string {
  return dialect.decimalComma ? value.replace('.', ',') : value;
}

export function csvHeader(dialect: CsvDialect = POLISH_EXCEL): string {
  return `${dialect.bom ? '\uFEFF' : ''}${HEADER.map((name) => cell(name, dialect)).join(dialect.delimiter)}\r\n`;
}

export function csvLine(row: ReceivedInvoiceRow, dialect: CsvDialect = POLISH_EXCEL): string {
  const text = (value: string | null) => cell(value ?? '', dialect);
  const yesNo = (value: boolean) => (value ? 'tak' : 'nie');
  return [
    text(row.ksefNumber),
    text(row.invoiceNumber),
    row.issueDate,
    row.acquisitionDate.slice(0, 10),
    row.sellerNip,
    text(row.sellerName),
    text(row.buyerName),
    amount(row.netTotal, dialect),
    amount(row.vatTotal, dialect),
    amount(row.grossTotal, dialect),
    row.currency,
    text(row.kind),
    yesNo(row.read),
    yesNo(row.bookedAt !== null),
    yesNo(row.paidAt !== null),
    text(row.note),
  ].join(dialect.delimiter) + '\r\n';
}
