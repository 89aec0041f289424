/** Document blocks (fields, parties, tables, paragraphs, QR codes) as pdfmake content. */
import {
  INVOICE_DOCUMENT_LABELS_PL,
  resolveText,
  type DocBlock,
  type DocField,
  type DocParty,
  type DocText,
  type InvoiceDocumentLabel,
} from '../../../../shared/domain/invoice-document';
import type { InvoiceQrCode } from '../../../../shared/domain/invoice/view';
import type { PdfContent } from './pdfmake-engine';

export const COLORS = { accent: '#1f3a5f', muted: '#5f6b7a', rule: '#c9d1db', headerFill: '#eef2f7', beforeFill: '#f7f7f7' } as const;

export const word = (key: InvoiceDocumentLabel): string => INVOICE_DOCUMENT_LABELS_PL[key];
export const say = (parts: readonly DocText[]): string => resolveText(parts, word);

/** Label/value rows without borders: a small grey label column and the value beside it. */
export function fieldsTable(fields: DocField[], labelWidth = 110): PdfContent {
  return {
    table: {
      widths: [labelWidth, '*'],
      body: fields.map((field) => [
        { text: word(field.label), style: 'fieldLabel' },
        { text: say(field.value), style: 'fieldValue' },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 4],
  };
}

export function partyCard(party: DocParty): PdfContent {
  const subtitle = party.subtitle ? ` · ${say(party.subtitle)}` : '';
  return {
    stack: [
      { text: `${word(party.title)}${subtitle}`, style: 'partyTitle' },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 250, y2: 0, lineWidth: 0.8, lineColor: COLORS.accent }],
        margin: [0, 1, 0, 3],
      },
      fieldsTable(party.fields, 62),
    ],
    margin: [0, 0, 0, 8],
  };
}

/** Parties two by two: seller beside buyer, third parties below. */
function partiesGrid(parties: DocParty[]): PdfContent {
  const rows: PdfContent[] = [];
  for (let i = 0; i < parties.length; i += 2) {
    const left = parties[i];
    const right = parties[i + 1];
    rows.push({ columns: [left ? partyCard(left) : { text: '' }, right ? partyCard(right) : { text: '' }], columnGap: 16 });
  }
  return { stack: rows };
}

function tableBlock(block: Extract<DocBlock, { type: 'table' }>): PdfContent {
  // Wide tables (attachments from other programs) get smaller type so they stay inside the page.
  const size = block.columns.length > 8 ? { fontSize: 6.5 } : {};
  const header = block.columns.map((column) => ({ text: column.heading ?? word(column.label), style: 'tableHeader', alignment: column.align, ...size }));
  const body = block.rows.map((row) =>
    row.cells.map((cell, index) => {
      const column = block.columns[index];
      const style = row.tone === 'total' ? 'tableTotal' : row.tone === 'before' ? 'tableBefore' : 'tableCell';
      const value = { text: say(cell), style, alignment: column?.align ?? 'left', ...size };
      // The note goes under the name column (the first '*' column).
      if (row.note && column?.width === '*') return { stack: [value, { text: say(row.note), style: 'tableNote' }] };
      return value;
    }),
  );
  const table: PdfContent = {
    table: { headerRows: 1, dontBreakRows: true, widths: block.columns.map((column) => column.width), body: [header, ...body] },
    layout: {
      hLineWidth: (i: number) => (i <= 1 ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? COLORS.accent : COLORS.rule),
      fillColor: (rowIndex: number) => (rowIndex === 0 ? COLORS.headerFill : block.rows[rowIndex - 1]?.tone === 'before' ? COLORS.beforeFill : null),
      paddingTop: () => 2,
      paddingBottom: () => 2,
      paddingLeft: () => (block.columns.length > 8 ? 2 : 4),
      paddingRight: () => (block.columns.length > 8 ? 2 : 4),
    },
    margin: [0, 0, 0, 6],
  };
  return block.caption ? { stack: [{ text: say(block.caption), style: 'caption' }, table], unbreakable: block.rows.length < 12 } : table;
}

function qrBlock(codes: InvoiceQrCode[]): PdfContent {
  const cards = codes.map((code) => ({
    width: 'auto',
    stack: [
      { text: word(code.kind === 'KOD_I' ? 'qrKod1' : 'qrKod2'), style: 'qrTitle' },
      { image: code.imageDataUrl, width: 112, height: 112, alignment: 'center' },
      { text: code.label, style: 'qrLabel' },
    ],
    margin: [0, 0, 18, 0],
  }));
  const links = codes.map((code) => ({ text: code.url, link: code.url, style: 'qrUrl' }));
  return {
    stack: [{ columns: cards, columnGap: 0 }, { text: word('qrHint'), style: 'fieldLabel', margin: [0, 6, 0, 2] }, ...links],
    unbreakable: true,
  };
}

export function blockContent(block: DocBlock): PdfContent {
  switch (block.type) {
    case 'fields':
      return fieldsTable(block.fields);
    case 'parties':
      return partiesGrid(block.parties);
    case 'table':
      return tableBlock(block);
    case 'paragraph':
      return { text: say(block.text), style: block.emphasis ? 'strong' : 'paragraph' };
    case 'qr':
      return qrBlock(block.codes);
  }
}
