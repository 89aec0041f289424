/** Sections other than parties and lines: correction, details, annotations, additional data, settlement, footer. */
import type { Correction, Invoice, XmlNode } from '../invoice/model';
import { identifierFields, addressLines } from './build-parties';
import { label, text, type DocBlock, type DocField, type DocRow, type DocText } from './document';
import { formatAmount, formatDate, formatDecimal, formatMoney } from './format';
import type { InvoiceDocumentLabel } from './labels.pl';

export function textField(key: InvoiceDocumentLabel, value: string | undefined): DocField[] {
  return value !== undefined && value.trim() !== '' ? [{ label: key, value: [text(value)] }] : [];
}

export function correctionBlocks(correction: Correction, currency: string): DocBlock[] {
  const blocks: DocBlock[] = [
    {
      type: 'fields',
      fields: [
        ...textField('correctionReason', correction.reason),
        ...(correction.type ? [{ label: 'correctionType' as const, value: [label(`correctionType${correction.type}`)] }] : []),
        ...textField('correctionPeriod', correction.period),
        ...textField('correctNumber', correction.correctedNumber),
        ...textField('grossBefore', correction.grossBefore && formatMoney(correction.grossBefore, currency)),
        ...textField('exchangeRateBefore', correction.exchangeRateBefore && formatDecimal(correction.exchangeRateBefore)),
      ],
    },
  ];
  for (const corrected of correction.corrected) {
    blocks.push({
      type: 'fields',
      fields: [
        { label: 'correctedNumber', value: [text(corrected.number)] },
        { label: 'correctedIssueDate', value: [text(formatDate(corrected.issueDate))] },
        { label: 'correctedKsefNumber', value: [corrected.ksefNumber ? text(corrected.ksefNumber) : label('correctedOutsideKsef')] },
      ],
    });
  }
  const before = correction.sellerBefore;
  if (before || correction.buyersBefore?.length) {
    const parties = [
      ...(before
        ? [{ title: 'sellerBefore' as const, fields: [...textField('name', before.name), ...textField('nip', before.nip), { label: 'address' as const, value: [text(addressLines(before.address))] }] }]
        : []),
      ...(correction.buyersBefore ?? []).map((buyer) => ({
        title: 'buyerBefore' as const,
        fields: [
          ...textField('name', buyer.name),
          ...identifierFields(buyer.identifier),
          ...(buyer.address ? [{ label: 'address' as const, value: [text(addressLines(buyer.address))] }] : []),
          ...textField('buyerId', buyer.buyerId),
        ],
      })),
    ];
    blocks.push({ type: 'parties', parties: parties });
  }
  return blocks;
}

/** KursWalutyZ of an advance invoice, else the one exchange rate all lines share (each line shows its own otherwise). */
function exchangeRateOf(invoice: Invoice): string | undefined {
  if (invoice.advanceExchangeRate) return formatDecimal(invoice.advanceExchangeRate);
  const rates = new Set(invoice.lines.map((line) => line.exchangeRate));
  const [only] = [...rates];
  return rates.size === 1 && only ? formatDecimal(only) : undefined;
}

export function detailsBlocks(invoice: Invoice): DocBlock[] {
  // Issue date, place and sale date stand in the document's headline.
  const fields: DocField[] = [
    ...textField('salePeriod', invoice.salePeriod && `${formatDate(invoice.salePeriod.from)} – ${formatDate(invoice.salePeriod.to)}`),
    // PLN goes without saying (every amount carries its currency); another currency is a fact worth a line.
    ...(invoice.currency !== 'PLN' ? [{ label: 'currency' as const, value: [text(invoice.currency)] }] : []),
    ...textField('exchangeRate', exchangeRateOf(invoice)),
    ...textField('deliveryNotes', invoice.deliveryNotes?.join(', ')),
  ];
  for (const part of invoice.advanceParts ?? []) {
    const rate = part.exchangeRate ? ` (${formatDecimal(part.exchangeRate)})` : '';
    fields.push({ label: 'advancePayment', value: [text(`${formatDate(part.date)}: ${formatMoney(part.gross, invoice.currency)}${rate}`)] });
  }
  if (invoice.advanceInvoices?.length) {
    const refs: DocText[] = invoice.advanceInvoices.flatMap((ref, index) => [
      ...(index > 0 ? [text(', ')] : []),
      ...(ref.ksefNumber ? [text(ref.ksefNumber)] : [text(`${ref.number ?? ''} (`), label('outsideKsef'), text(')')]),
    ]);
    fields.push({ label: 'advanceInvoices', value: refs });
  }
  return [{ type: 'fields', fields }];
}

const ANNOTATION_FLAGS = [
  ['cashAccounting', 'cashAccounting'],
  ['selfBilling', 'selfBilling'],
  ['reverseCharge', 'reverseCharge'],
  ['splitPayment', 'splitPayment'],
  ['simplifiedTriangular', 'triangular'],
] as const;

export function annotationBlocks(invoice: Invoice): DocBlock[] {
  const annotations = invoice.annotations;
  const lines: DocText[][] = ANNOTATION_FLAGS.filter(([flag]) => annotations[flag]).map(([, key]) => [label(key)]);
  if (annotations.exemption) {
    lines.push([label('exemption'), text(' – '), label(`exemption${annotations.exemption.basis}`), text(`: ${annotations.exemption.text}`)]);
  }
  if (annotations.newTransportMeans) lines.push([label('newTransport'), ...nodeSummary(annotations.newTransportMeans)]);
  if (annotations.margin) lines.push([label('margin'), text(': '), label(`margin${annotations.margin}`)]);
  if (lines.length === 0) return [{ type: 'paragraph', text: [label('noAnnotations')] }];
  return lines.map((line) => ({ type: 'paragraph', text: line }));
}

function nodeSummary(node: XmlNode): DocText[] {
  const leaves = flattenNode(node, '').map(([path, value]) => `${path}: ${value}`);
  return leaves.length > 0 ? [text(` (${leaves.join('; ')})`)] : [];
}

export function additionalBlocks(invoice: Invoice): DocBlock[] {
  const blocks: DocBlock[] = [];
  const flags: [boolean | undefined, InvoiceDocumentLabel][] = [
    [invoice.receiptInvoice, 'receiptInvoice'],
    [invoice.relatedParties, 'relatedParties'],
    [invoice.exciseRefund, 'exciseRefund'],
  ];
  for (const [on, key] of flags) if (on) blocks.push({ type: 'paragraph', text: [label(key)] });
  const infos = invoice.additionalInfo ?? [];
  if (infos.length > 0) {
    const withLine = infos.some((info) => info.lineNumber !== undefined);
    blocks.push({
      type: 'table',
      columns: [
        ...(withLine ? [{ label: 'colLine' as const, align: 'center' as const, width: 40 }] : []),
        { label: 'colKey', align: 'left', width: 160 },
        { label: 'colValue', align: 'left', width: '*' },
      ],
      rows: infos.map((info) => ({
        cells: [...(withLine ? [[text(info.lineNumber !== undefined ? String(info.lineNumber) : '')]] : []), [text(info.key)], [text(info.value)]],
      })),
    });
  }
  return blocks;
}

export function settlementBlocks(invoice: Invoice): DocBlock[] {
  const settlement = invoice.settlement;
  if (!settlement) return [];
  const money = (value: string | undefined) => value && formatMoney(value, invoice.currency);
  const table = (caption: InvoiceDocumentLabel, items: { amount: string; reason: string }[] | undefined): DocBlock[] =>
    items?.length
      ? [{
          type: 'table',
          caption: [label(caption)],
          columns: [
            { label: 'colReason', align: 'left', width: '*' },
            { label: 'colAmount', align: 'right', width: 90 },
          ],
          rows: items.map((item) => ({ cells: [[text(item.reason)], [text(formatAmount(item.amount))]] })),
        }]
      : [];
  return [
    ...table('charges', settlement.charges),
    ...table('deductions', settlement.deductions),
    {
      type: 'fields',
      fields: [
        ...textField('chargesTotal', money(settlement.chargesTotal)),
        ...textField('deductionsTotal', money(settlement.deductionsTotal)),
        ...textField('toPay', money(settlement.toPay)),
        ...textField('toSettle', money(settlement.toSettle)),
      ],
    },
  ];
}

export function footerBlocks(invoice: Invoice): DocBlock[] {
  const footer = invoice.footer;
  const blocks: DocBlock[] = (footer?.information ?? [])
    .filter((info) => info.text && info.text.trim() !== '')
    .map((info) => ({ type: 'paragraph', text: [text(info.text ?? '')] }));
  const registers = footer?.registers ?? [];
  if (registers.length > 0) {
    blocks.push({
      type: 'fields',
      fields: registers.flatMap((register) => [
        ...textField('fullName', register.fullName),
        ...textField('krs', register.krs),
        ...textField('regon', register.regon),
        ...textField('bdo', register.bdo),
      ]),
    });
  }
  if (invoice.header?.systemInfo) blocks.push({ type: 'fields', fields: textField('systemInfo', invoice.header.systemInfo) });
  return blocks;
}

/** Leaf values of an untyped element as "Path/To/Leaf" → value, so nothing the XML says is hidden. */
export function flattenNode(node: XmlNode, prefix: string): [string, string][] {
  const path = prefix ? `${prefix}/${node.name}` : node.name;
  const own: [string, string][] = node.text !== undefined && node.text.trim() !== '' ? [[path, node.text]] : [];
  return [...own, ...(node.children ?? []).flatMap((child) => flattenNode(child, path))];
}

const KNOWN_ELEMENTS: Readonly<Record<string, InvoiceDocumentLabel>> = {
  WarunkiTransakcji: 'elementTransactionTerms',
  Zamowienie: 'elementOrder',
  PodmiotUpowazniony: 'elementAuthorized',
  Zalacznik: 'elementAttachment',
};

/** Elements the model keeps untyped, one small table each, paths relative to the element ("Transport › Przewoznik › NIP"). */
export function otherBlocks(nodes: XmlNode[]): DocBlock[] {
  return nodes.flatMap((node): DocBlock[] => {
    const rows: DocRow[] = (node.children ?? [])
      .flatMap((child) => flattenNode(child, ''))
      .map(([path, value]) => ({ cells: [[text(path.split('/').join(' › '))], [text(value)]] }));
    if (node.text !== undefined && node.text.trim() !== '') rows.unshift({ cells: [[text(node.name)], [text(node.text)]] });
    if (rows.length === 0) return [];
    const known = KNOWN_ELEMENTS[node.name];
    return [{
      type: 'table',
      caption: [known ? label(known) : text(node.name)],
      columns: [{ label: 'colElement', align: 'left', width: 210 }, { label: 'colValue', align: 'left', width: '*' }],
      rows,
    }];
  });
}
