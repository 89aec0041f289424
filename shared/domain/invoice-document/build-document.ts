/** `invoiceDocument(data)`: the whole invoice as sections in the order of the Ministry's visualisation. */
import { CORRECTION_KINDS } from '../invoice/codes';
import type { InvoiceViewData } from '../invoice/view';
import { effectiveSummary } from '../invoice/totals';
import { attachmentBlocks } from './build-attachment';
import { paymentBlocks } from './build-payment';
import { buyerParty, sellerParty, thirdPartyBlock } from './build-parties';
import { linesBlock, vatSummaryBlock } from './build-lines';
import { orderBlocks } from './build-order';
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
import type { InvoiceDocumentLabel } from './labels.pl';

function section(id: DocSection['id'], title: DocSection['title'], blocks: DocBlock[]): DocSection[] {
  const meaningful = blocks.filter((block) => !(block.type === 'fields' && block.fields.length === 0));
  return meaningful.length > 0 ? [{ id, title, blocks: meaningful }] : [];
}

/** What P_15 is: the advance documented (ZAL), its correction (KOR_ZAL), or the amount due. */
function totalDueLabel(kind: string, isCorrection: boolean): InvoiceDocumentLabel {
  if (kind === 'ZAL') return 'totalDueAdvance';
  if (kind === 'KOR_ZAL') return 'totalDueAdvanceCorrection';
  return isCorrection ? 'totalDueCorrection' : 'totalDue';
}

export function invoiceDocument(data: Pick<InvoiceViewData, 'invoice' | 'ksefNumber' | 'qrCodes'>): InvoiceDocument {
  const invoice = data.invoice;
  const isCorrection = CORRECTION_KINDS.includes(invoice.kind);
  const advance = invoice.kind === 'ZAL' || invoice.kind === 'KOR_ZAL';
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
    // An advance invoice usually has no lines of its own: its order says what the advance is for.
    ...(invoice.lines.length > 0 || !invoice.order ? section('lines', 'sectionLines', invoice.lines.length > 0 ? [linesBlock(invoice)] : [{ type: 'paragraph', text: [label('noLines')] }]) : []),
    ...section('order', 'sectionOrder', orderBlocks(invoice)),
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
      // On an advance invoice P_6 is the day the payment was received.
      ...textField(advance ? 'paymentReceivedDate' : 'saleDate', invoice.saleDate && formatDate(invoice.saleDate)),
    ],
    totalDue: { label: totalDueLabel(invoice.kind, isCorrection), amount: formatMoney(summary.gross, invoice.currency) },
    sections,
  };
}
