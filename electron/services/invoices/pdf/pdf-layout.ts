/** The whole invoice document as a pdfmake definition: A4, Roboto, header, sections, page numbers. */
import type { InvoiceDocument } from '../../../../shared/domain/invoice-document';
import { blockContent, COLORS, say, word } from './pdf-blocks';
import type { PdfContent, PdfDocDefinition } from './pdfmake-engine';

const STYLES: Record<string, Record<string, unknown>> = {
  title: { fontSize: 18, bold: true, color: COLORS.accent },
  number: { fontSize: 13, bold: true },
  ksef: { fontSize: 8.5, color: COLORS.muted },
  ksefNumber: { fontSize: 9.5, bold: true },
  sectionTitle: { fontSize: 10.5, bold: true, color: COLORS.accent, margin: [0, 10, 0, 4] },
  partyTitle: { fontSize: 10, bold: true, color: COLORS.accent },
  fieldLabel: { fontSize: 8, color: COLORS.muted },
  fieldValue: { fontSize: 8.5 },
  caption: { fontSize: 8.5, bold: true, margin: [0, 2, 0, 2] },
  tableHeader: { fontSize: 7.5, bold: true, color: COLORS.accent },
  tableCell: { fontSize: 8.5 },
  tableBefore: { fontSize: 8.5, italics: true, color: COLORS.muted },
  tableTotal: { fontSize: 8.5, bold: true },
  tableNote: { fontSize: 7, color: COLORS.muted },
  paragraph: { fontSize: 8.5, margin: [0, 0, 0, 2] },
  strong: { fontSize: 8.5, bold: true },
  totalDue: { fontSize: 12, bold: true, alignment: 'right' },
  qrTitle: { fontSize: 8, bold: true, margin: [0, 0, 0, 3] },
  qrLabel: { fontSize: 7.5, bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
  qrUrl: { fontSize: 6.5, color: COLORS.accent },
  pageFooter: { fontSize: 7, color: COLORS.muted },
};

function header(document: InvoiceDocument): PdfContent {
  const ksef = document.ksefNumber
    ? [{ text: word('ksefNumber'), style: 'ksef' }, { text: document.ksefNumber, style: 'ksefNumber' }]
    : [];
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: word(document.title), style: 'title' },
          { text: `${word('numberPrefix')} ${document.number}`, style: 'number', margin: [0, 2, 0, 0] },
        ],
      },
      {
        width: 'auto',
        stack: [
          ...ksef,
          ...document.headline.map((field) => ({
            text: [{ text: `${word(field.label)}: `, style: 'fieldLabel' }, { text: say(field.value), fontSize: 9 }],
            alignment: 'right',
          })),
        ],
        alignment: 'right',
      },
    ],
  };
}

export function invoicePdfDefinition(document: InvoiceDocument, images: Record<string, string> = {}): PdfDocDefinition {
  const rule = { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 523, y2: 0, lineWidth: 1.5, lineColor: COLORS.accent }], margin: [0, 6, 0, 4] };
  const body: PdfContent[] = [];
  for (const section of document.sections) {
    const [first, ...rest] = section.blocks.map(blockContent);
    const title = section.title ? { text: word(section.title), style: 'sectionTitle' } : { text: '', margin: [0, 8, 0, 0] };
    // A title never ends a page alone: it travels with the section's first block unless that is a long table.
    const firstBlock = section.blocks[0];
    const long = firstBlock?.type === 'table' && firstBlock.rows.length >= 12;
    body.push(long || !first ? title : { stack: [title, first], unbreakable: true });
    if (long && first) body.push(first);
    body.push(...rest);
    if (section.id === 'vatSummary') {
      body.push({ text: `${word(document.totalDue.label)}: ${document.totalDue.amount}`, style: 'totalDue', margin: [0, 2, 0, 0] });
    }
  }
  const title = `${word(document.title)} ${document.number}`;
  return {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 40],
    info: { title, subject: document.ksefNumber ?? title, creator: 'KSeF Desk', producer: 'KSeF Desk (pdfmake)' },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: STYLES,
    images,
    content: [header(document), rule, ...body],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: `${title}${document.ksefNumber ? ` · ${document.ksefNumber}` : ''}`, style: 'pageFooter' },
        { text: `${word('generatedBy')} · ${word('page')} ${currentPage} ${word('of')} ${pageCount}`, style: 'pageFooter', alignment: 'right' },
      ],
      margin: [36, 12, 36, 0],
    }),
  };
}
