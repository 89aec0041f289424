/** The Pozycje table and the Podsumowanie stawek podatku (as the invoice states it, P_13_x/P_14_x/P_14_xW/P_15). */
import { RATE_BUCKET, SUMMARY_BUCKETS, VAT_BUCKETS, type SummaryBucket, type VatRate } from '../invoice/codes';
import type { Invoice, InvoiceLine } from '../invoice/model';
import { computeLineAmounts, effectiveSummary, sumAmounts } from '../invoice/totals';
import { label, text, type DocBlock, type DocColumn, type DocRow, type DocText } from './document';
import { formatAmount, formatDate, formatDecimal, formatPrice } from './format';
import type { InvoiceDocumentLabel } from './labels.pl';

export const cell = (value: string | undefined): DocText[] => (value === undefined || value === '' ? [] : [text(value)]);

/** The leading cells every item table shares (Lp., name, quantity, unit), for an invoice or an order line. */
export function itemCells(line: { lineNumber?: number; name?: string; quantity?: string; unit?: string }, position: number): DocText[][] {
  return [cell(String(line.lineNumber ?? position + 1)), cell(line.name ?? ''), cell(line.quantity && formatDecimal(line.quantity)), cell(line.unit)];
}

export function rateCell(line: Pick<InvoiceLine, 'rate' | 'ossRate'>): DocText[] {
  if (line.rate) return [label(`rate${line.rate}`)];
  if (line.ossRate !== undefined) return [text(`${formatDecimal(line.ossRate)}% `), label('lineOss')];
  return [];
}

/** The facts an invoice line and an order line (ZamowienieWiersz) share and print under the name. */
type NotedLine = Pick<InvoiceLine, 'beforeCorrection' | 'index' | 'gtin' | 'pkwiu' | 'cn' | 'pkob' | 'gtu' | 'annex15' | 'exciseAmount'> & {
  supplyDate?: string;
  procedure?: string;
  exchangeRate?: string;
};

/** Codes and facts of a line printed small under its name, so a wide table stays readable. */
export function lineNote(line: NotedLine, hasBeforeRows: boolean): DocText[] {
  const parts: DocText[][] = [];
  const add = (key: InvoiceDocumentLabel | null, value: string | undefined) => {
    if (value !== undefined && value !== '') parts.push(key ? [label(key), text(`: ${value}`)] : [text(value)]);
  };
  if (hasBeforeRows) parts.push([label(line.beforeCorrection ? 'before' : 'after')]);
  add('lineSupplyDate', line.supplyDate && formatDate(line.supplyDate));
  add('lineIndex', line.index);
  add(null, line.gtin && `GTIN: ${line.gtin}`);
  add(null, line.pkwiu && `PKWiU: ${line.pkwiu}`);
  add(null, line.cn && `CN: ${line.cn}`);
  add(null, line.pkob && `PKOB: ${line.pkob}`);
  add(null, line.gtu);
  add(null, line.procedure);
  if (line.annex15) parts.push([label('lineAnnex15')]);
  add('lineExcise', line.exciseAmount && formatAmount(line.exciseAmount));
  add('lineExchangeRate', line.exchangeRate && formatDecimal(line.exchangeRate));
  return parts.flatMap((part, index) => (index === 0 ? part : [text(' · '), ...part]));
}

export function linesBlock(invoice: Invoice): DocBlock {
  const gross = invoice.lines.length > 0 && invoice.lines.every((line) => computeLineAmounts(line).pricing === 'gross');
  const withDiscount = invoice.lines.some((line) => line.discount !== undefined);
  const hasBeforeRows = invoice.lines.some((line) => line.beforeCorrection);
  const columns: DocColumn[] = [
    { label: 'colNo', align: 'center', width: 22 },
    { label: 'colName', align: 'left', width: '*' },
    { label: 'colQuantity', align: 'right', width: 42 },
    { label: 'colUnit', align: 'left', width: 34 },
    { label: gross ? 'colUnitGross' : 'colUnitNet', align: 'right', width: 62 },
    ...(withDiscount ? [{ label: 'colDiscount' as const, align: 'right' as const, width: 48 }] : []),
    { label: 'colRate', align: 'right', width: 44 },
    { label: gross ? 'colGross' : 'colNet', align: 'right', width: 68 },
  ];
  const rows: DocRow[] = invoice.lines.map((line, position) => {
    const amounts = computeLineAmounts(line);
    const unitPrice = gross ? line.unitGrossPrice : (line.unitNetPrice ?? line.unitGrossPrice);
    const note = lineNote(line, hasBeforeRows);
    return {
      cells: [
        ...itemCells(line, position),
        cell(unitPrice && formatPrice(unitPrice)),
        ...(withDiscount ? [cell(line.discount && formatPrice(line.discount))] : []),
        rateCell(line),
        cell(formatAmount(gross ? amounts.gross : amounts.net)),
      ],
      ...(line.beforeCorrection ? { tone: 'before' as const } : {}),
      ...(note.length > 0 ? { note } : {}),
    };
  });
  return { type: 'table', columns, rows };
}

/** The label of a summary row: the single rate used in the bucket when the lines say so, else the bucket's name. */
function bucketLabel(bucket: SummaryBucket, invoice: Invoice): InvoiceDocumentLabel {
  const rates = new Set<VatRate>();
  // An advance invoice's rates are its order's.
  for (const line of [...invoice.lines, ...(invoice.order?.lines ?? [])]) if (line.rate && RATE_BUCKET[line.rate] === bucket) rates.add(line.rate);
  const [only] = [...rates];
  return rates.size === 1 && only ? `rate${only}` : `bucket${bucket}`;
}

export function vatSummaryBlock(invoice: Invoice): DocBlock {
  const summary = effectiveSummary(invoice);
  const foreign = invoice.currency !== 'PLN';
  const present = SUMMARY_BUCKETS.filter((bucket) => summary.buckets[bucket] !== undefined);
  const columns: DocColumn[] = [
    { label: 'colRate', align: 'left', width: '*' },
    { label: 'colNet', align: 'right', width: 80 },
    { label: 'colVat', align: 'right', width: 80 },
    { label: 'colGross', align: 'right', width: 80 },
    ...(foreign ? [{ label: 'colVatPln' as const, align: 'right' as const, width: 80 }] : []),
  ];
  const nets: string[] = [];
  const vats: string[] = [];
  const vatPlns: string[] = [];
  const rows: DocRow[] = present.map((bucket) => {
    const total = summary.buckets[bucket] ?? { net: '0' };
    const vat = VAT_BUCKETS.includes(bucket) ? (total.vat ?? '0') : '0';
    nets.push(total.net);
    vats.push(vat);
    if (total.vatPln !== undefined) vatPlns.push(total.vatPln);
    return {
      cells: [
        [label(bucketLabel(bucket, invoice))],
        cell(formatAmount(total.net)),
        cell(VAT_BUCKETS.includes(bucket) ? formatAmount(vat) : '—'),
        cell(formatAmount(sumAmounts([total.net, vat]))),
        ...(foreign ? [cell(total.vatPln !== undefined ? formatAmount(total.vatPln) : '—')] : []),
      ],
    };
  });
  rows.push({
    tone: 'total',
    cells: [
      [label('total')],
      cell(formatAmount(sumAmounts(nets))),
      cell(formatAmount(sumAmounts(vats))),
      cell(formatAmount(sumAmounts([...nets, ...vats]))),
      ...(foreign ? [cell(vatPlns.length > 0 ? formatAmount(sumAmounts(vatPlns)) : '—')] : []),
    ],
  });
  return { type: 'table', columns, rows };
}
