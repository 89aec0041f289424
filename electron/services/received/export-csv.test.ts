import { describe, expect, it } from 'vitest';
import type { ReceivedInvoiceRow } from '../../../shared/ipc/channels/received';
import { csvHeader, csvLine } from './export-csv';

const row: ReceivedInvoiceRow = {
  id: 1,
  companyNip: '5265877635',
  subject: 'buyer',
  ksefNumber: '5265877635-20260101-0000000000AB-12',
  invoiceNumber: 'FV/1;2026',
  issueDate: '2026-01-05',
  acquisitionDate: '2026-01-05T10:00:00.0000000+00:00',
  sellerNip: '7352765225',
  sellerName: '=HYPERLINK("x") "Żółw" sp. z o.o.',
  buyerIdentifier: '5265877635',
  buyerName: 'Kupiec',
  netTotal: '-1234.50',
  vatTotal: '-283.94',
  grossTotal: '-1518.44',
  currency: 'PLN',
  kind: 'Kor',
  read: true,
  bookedAt: '2026-01-06T00:00:00Z',
  paidAt: null,
  note: 'linia 1\nlinia 2',
};

describe('received CSV (Polish Excel)', () => {
  it('starts with a BOM and a semicolon header', () => {
    expect(csvHeader().startsWith('\uFEFFNumer KSeF;Numer faktury;Data wystawienia;Data otrzymania;NIP sprzedawcy;')).toBe(true);
    expect(csvHeader({ delimiter: ',', decimalComma: false, bom: false }).startsWith('Numer KSeF,')).toBe(true);
  });

  it('writes comma decimals, quotes separators, quotes and newlines, and defuses formulas', () => {
    expect(csvLine(row)).toBe(
      '5265877635-20260101-0000000000AB-12;"FV/1;2026";2026-01-05;2026-01-05;7352765225;"\'=HYPERLINK(""x"") ""Żółw"" sp. z o.o.";Kupiec;-1234,50;-283,94;-1518,44;PLN;Kor;tak;tak;nie;"linia 1\nlinia 2"\r\n',
    );
  });
});
