import { describe, expect, it } from 'vitest';
import type { XmlNode } from '../invoice/model';
import { invoiceDocument } from './build-document';
import { resolveText, type DocBlock, type DocSection } from './document';
import { formatAccountNumber, formatAmount, formatDate, formatDecimal, formatPrice } from './format';
import { INVOICE_DOCUMENT_LABELS_PL } from './labels.pl';
import { domesticInvoice, foreignCorrection } from './testing/sample-invoices';

const say = (parts: Parameters<typeof resolveText>[0]) => resolveText(parts, (key) => INVOICE_DOCUMENT_LABELS_PL[key]);
const sectionOf = (sections: DocSection[], id: DocSection['id']) => sections.find((section) => section.id === id);
const tables = (section: DocSection | undefined) => (section?.blocks ?? []).filter((block): block is Extract<DocBlock, { type: 'table' }> => block.type === 'table');
const leaf = (name: string, text: string): XmlNode => ({ name, text });

describe('formatting', () => {
  it('writes exact decimals the Polish way', () => {
    expect(formatAmount('1234567.5')).toBe('1\u00a0234\u00a0567,50');
    expect(formatAmount('-0.05')).toBe('-0,05');
    expect(formatAmount('12.345')).toBe('12,345');
    expect(formatDecimal('4.3000')).toBe('4,3000');
    expect(formatPrice('12.5')).toBe('12,50');
    expect(formatPrice('0.0425')).toBe('0,0425');
    expect(formatDate('2026-02-01')).toBe('01.02.2026');
    expect(formatAccountNumber('PL61109010140000071219812874')).toBe('PL61 1090 1014 0000 0712 1981 2874');
    expect(formatAccountNumber('61109010140000071219812874')).toBe('61 1090 1014 0000 0712 1981 2874');
  });
});

describe('invoiceDocument', () => {
  it('labels a summary row by its single rate, or by the bucket when rates share it', () => {
    const invoice = domesticInvoice();
    invoice.lines.push({ name: 'Stara stawka', quantity: '1', unitNetPrice: '10', netTotal: '10.00', rate: '22' });
    const rows = tables(sectionOf(invoiceDocument({ invoice, ksefNumber: null, qrCodes: [] }).sections, 'vatSummary'))[0]?.rows ?? [];
    expect(rows.map((row) => say(row.cells[0] ?? []))).toEqual(['23% lub 22%', '8%', 'zw', 'Razem']);
  });

  it('marks before and after rows of a correction and puts the correction first', () => {
    const document = invoiceDocument({ invoice: foreignCorrection(), ksefNumber: null, qrCodes: [] });
    expect(document.sections[0]?.id).toBe('correction');
    const rows = tables(sectionOf(document.sections, 'lines'))[0]?.rows ?? [];
    expect(rows.map((row) => [row.tone ?? '', say(row.note ?? []).split(' · ')[0]])).toEqual([
      ['before', 'przed korektą'],
      ['', 'po korekcie'],
    ]);
  });

  it('shows untyped elements and turns an attachment into real tables', () => {
    const invoice = domesticInvoice();
    invoice.extra = [{ name: 'WarunkiTransakcji', children: [{ name: 'Zamowienia', children: [leaf('NrZamowienia', 'Z/1')] }] }];
    invoice.documentExtra = [
      {
        name: 'Zalacznik',
        children: [
          {
            name: 'BlokDanych',
            children: [
              leaf('ZNaglowek', 'Rozliczenie energii'),
              { name: 'MetaDane', children: [leaf('ZKlucz', 'Licznik'), leaf('ZWartosc', '12345')] },
              {
                name: 'Tabela',
                children: [
                  { name: 'TNaglowek', children: [{ name: 'Kol', attributes: { Typ: 'txt' }, children: [leaf('NKom', 'Opis')] }, { name: 'Kol', attributes: { Typ: 'dec' }, children: [leaf('NKom', 'Kwota')] }] },
                  { name: 'Wiersz', children: [leaf('WKom', 'Opłata stała'), leaf('WKom', '14.60')] },
                  { name: 'Suma', children: [leaf('SKom', 'Razem'), leaf('SKom', '14.60')] },
                ],
              },
            ],
          },
        ],
      },
    ];
    const document = invoiceDocument({ invoice, ksefNumber: null, qrCodes: [] });
    const other = tables(sectionOf(document.sections, 'other'));
    expect(other.map((table) => say(table.caption ?? []))).toEqual(['Warunki transakcji']);
    expect(other[0]?.rows.map((row) => row.cells.map(say))).toEqual([['Zamowienia › NrZamowienia', 'Z/1']]);
    const attachment = sectionOf(document.sections, 'attachment');
    expect(document.sections.at(-1)?.id).toBe('attachment');
    const [meta, data] = tables(attachment);
    expect(meta?.rows.map((row) => row.cells.map(say))).toEqual([['Licznik', '12345']]);
    expect(data?.columns.map((column) => [column.heading, column.align])).toEqual([['Opis', 'left'], ['Kwota', 'right']]);
    expect(data?.rows.map((row) => [row.tone ?? '', ...row.cells.map(say)])).toEqual([['', 'Opłata stała', '14.60'], ['total', 'Razem', '14.60']]);
  });

  it('says so when an invoice has no lines', () => {
    const invoice = { ...foreignCorrection(), lines: [] };
    const lines = sectionOf(invoiceDocument({ invoice, ksefNumber: null, qrCodes: [] }).sections, 'lines');
    expect(lines?.blocks).toEqual([{ type: 'paragraph', text: [{ label: 'noLines' }] }]);
  });

  it('shows an advance invoice\'s order after the lines, the date the payment came and the advance as the total', () => {
    const invoice = {
      ...domesticInvoice(),
      kind: 'ZAL' as const,
      lines: [],
      saleDate: '2026-03-05',
      order: {
        value: '25680.00',
        lines: [
          { name: 'Koparka', quantity: '1', unit: 'szt.', unitNetPrice: '20000', netTotal: '20000.00', vatTotal: '4600.00', rate: '23' as const, annex15: true, gtu: 'GTU_06' as const },
          { name: 'Transport', quantity: '1', unit: 'usł.', unitNetPrice: '1000', rate: '8' as const },
        ],
      },
      summary: { buckets: { '1': { net: '4065.04', vat: '934.96' } }, gross: '5000.00' },
    };
    const document = invoiceDocument({ invoice, ksefNumber: null, qrCodes: [] });
    const ids = document.sections.map((section) => section.id);
    expect(ids.indexOf('order')).toBeGreaterThan(0);
    expect(ids.indexOf('order')).toBe(ids.indexOf('vatSummary') - 1); // the Ministry's place: after the lines, before the summary
    expect(sectionOf(document.sections, 'lines')).toBeUndefined();
    const order = sectionOf(document.sections, 'order');
    const fields = order?.blocks.find((block) => block.type === 'fields');
    expect(fields?.type === 'fields' && fields.fields.map((field) => [INVOICE_DOCUMENT_LABELS_PL[field.label], say(field.value)])).toEqual([['Wartość zamówienia lub umowy (z VAT)', '25\u00a0680,00 PLN']]);
    const rows = tables(order)[0]?.rows ?? [];
    expect(rows.map((row) => [row.tone ?? '', ...row.cells.map(say)])).toEqual([
      ['', '1', 'Koparka', '1', 'szt.', '20\u00a0000,00', '23%', '20\u00a0000,00', '4\u00a0600,00'],
      ['', '2', 'Transport', '1', 'usł.', '1\u00a0000,00', '8%', '1\u00a0000,00', '80,00'],
      ['total', '', 'Razem', '', '', '', '', '21\u00a0000,00', '4\u00a0680,00'],
    ]);
    expect(say(rows[0]?.note ?? [])).toBe('GTU_06 · zał. 15');
    expect(document.headline.map((field) => INVOICE_DOCUMENT_LABELS_PL[field.label])).toContain('Data otrzymania zapłaty');
    expect(document.totalDue).toEqual({ label: 'totalDueAdvance', amount: '5\u00a0000,00 PLN' });
    expect(tables(sectionOf(document.sections, 'vatSummary'))[0]?.rows.map((row) => say(row.cells[0] ?? []))).toEqual(['23%', 'Razem']);
  });
});
