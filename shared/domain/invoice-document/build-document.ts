/** `invoiceDocument(data)`: the whole invoice as sections in the order of the Ministry's visualisation. */
import { CORRECTION_KINDS } from '../invoice/codes';
import type { InvoiceViewData } from '../invoice/view';
import { effectiveSummary } from '../invoice/totals';
import { attachmentBlocks } from './build-attachment';
import { paymentBlocks } from './build-payment';
import { buyerParty, sellerParty, thirdPartyBlock } from './build-parties';
import { linesBlock, vatSummaryBlock } from './build-lines';
import {
  additionalBlocks,
  annotationBlocks,
  correctionBlocks,
  detailsBlocks,
  footerBlocks,
  otherBlocks,
  settlementBlocks,
  textField,
} from './build-sections';
import { label, text, type DocBlock, type DocSection, type InvoiceDocument } from './document';
import { formatDate, formatMoney } from './format';

function section(id: DocSection['id'], title: DocSection['title'], blocks: DocBlock[]): DocSection[] {
  const meaningful = blocks.filter((block) => !(block.type === 'fields' && block.fields.length === 0));
  return meaningful.length > 0 ? [{ id, title, blocks: meaningful }] : [];
}

export function invoiceDocument(data: Pick<InvoiceViewData, 'invoice' | 'ksefNumber' | 'qrCodes'>): InvoiceDocument {
  const invoice = data.invoice;
  const isCorrection = CORRECTION_KINDS.includes(invoice.kind);
  const summary = effectiveSummary(invoice);
  const attachments = (invoice.documentExtra ?? []).filter((node) => node.name === 'Zalacznik');
  const untyped = [
    ...(invoice.extra ?? []),
    ...(invoice.documentExtra ?? []).filter((node) => node.name !== 'Zalacznik'),
    ...(invoice.seller.extra ?? []),
    ...(invoice.buyer.extra ?? []),
    ...(invoice.payment?.extra ?? []),
    ...(invoice.annotations.extra ?? []),
    ...(invoice.footer?.extra ?? []),
    ...invoice.thirdParties.flatMap((party) => party.extra ?? []),
    ...invoice.lines.flatMap((line) => line.extra ?? []),
  ];
  const sections: DocSection[] = [
    ...(invoice.correction ? section('correction', 'sectionCorrection', correctionBlocks(invoice.correction, invoice.currency)) : []),
    ...section('parties', null, [
      { type: 'parties', parties: [sellerParty(invoice.seller), buyerParty(invoice.buyer), ...invoice.thirdParties.map(thirdPartyBlock)] },
    ]),
    ...section('details', 'sectionDetails', detailsBlocks(invoice)),
    ...section('lines', 'sectionLines', invoice.lines.length > 0 ? [linesBlock(invoice)] : [{ type: 'paragraph', text: [label('noLines')] }]),
    ...section('vatSummary', 'sectionVatSummary', [vatSummaryBlock(invoice)]),
    ...section('annotations', 'sectionAnnotations', annotationBlocks(invoice)),
    ...section('additional', 'sectionAdditional', additionalBlocks(invoice)),
    ...section('settlement', 'sectionSettlement', settlementBlocks(invoice)),
    ...section('payment', 'sectionPayment', paymentBlocks(invoice)),
    ...section('other', 'sectionOther', otherBlocks(untyped)),
    ...section('footer', 'sectionFooter', footerBlocks(invoice)),
    ...(data.qrCodes.length > 0 ? section('qr', 'sectionQr', [{ type: 'qr', codes: data.qrCodes }]) : []),
    // Last, as in the Ministry's layout: the attachment follows the invoice it belongs to.
    ...section('attachment', 'elementAttachment', attachments.flatMap(attachmentBlocks)),
  ];
  return {
    title: `kind${invoice.kind}`,
    number: invoice.number,
    ksefNumber: data.ksefNumber,
    headline: [
      { label: 'issueDate', value: [text(formatDate(invoice.issueDate))] },
      ...textField('issuePlace', invoice.issuePlace),
      ...textField('saleDate', invoice.saleDate && formatDate(invoice.saleDate)),
    ],
    totalDue: { label: isCorrection ? 'totalDueCorrection' : 'totalDue', amount: formatMoney(summary.gross, invoice.currency) },
    sections,
  };
}
