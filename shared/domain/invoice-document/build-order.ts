/**
 * Zamówienie of an advance invoice (ZAL, KOR_ZAL): the order's value with VAT and its lines, placed after the
 * invoice's own lines as in the Ministry's visualisation. The advance itself is the invoice's total due.
 */
import type { Invoice, OrderLine } from '../invoice/model';
import { computeLineAmounts, sumAmounts } from '../invoice/totals';
import { label, text, type DocBlock, type DocColumn, type DocRow } from './document';
import { cell, itemCells, lineNote, rateCell } from './build-lines';
import { formatAmount, formatMoney, formatPrice } from './format';

/** Net and VAT of an order line as it states them (P_11NettoZ, P_11VatZ), else computed like an invoice line's. */
function orderLineAmounts(line: OrderLine): { net: string; vat: string } {
  const computed = computeLineAmounts({
    ...(line.quantity !== undefined ? { quantity: line.quantity } : {}),
    ...(line.unitNetPrice !== undefined ? { unitNetPrice: line.unitNetPrice } : {}),
    ...(line.netTotal !== undefined ? { netTotal: line.netTotal } : {}),
    ...(line.vatTotal !== undefined ? { vatTotal: line.vatTotal } : {}),
    ...(line.rate !== undefined ? { rate: line.rate } : {}),
    ...(line.ossRate !== undefined ? { ossRate: line.ossRate } : {}),
  });
  return { net: line.netTotal ?? computed.net, vat: line.vatTotal ?? computed.vat };
}

export function orderBlocks(invoice: Invoice): DocBlock[] {
  const order = invoice.order;
  if (!order) return [];
  const hasBeforeRows = order.lines.some((line) => line.beforeCorrection);
  const columns: DocColumn[] = [
    { label: 'colNo', align: 'center', width: 22 },
    { label: 'colName', align: 'left', width: '*' },
    { label: 'colQuantity', align: 'right', width: 42 },
    { label: 'colUnit', align: 'left', width: 34 },
    { label: 'colUnitNet', align: 'right', width: 62 },
    { label: 'colRate', align: 'right', width: 44 },
    { label: 'colNet', align: 'right', width: 68 },
    { label: 'colVat', align: 'right', width: 60 },
  ];
  const nets: string[] = [];
  const vats: string[] = [];
  const rows: DocRow[] = order.lines.map((line, position) => {
    const amounts = orderLineAmounts(line);
    nets.push(amounts.net);
    vats.push(amounts.vat);
    const note = lineNote(line, hasBeforeRows);
    return {
      cells: [
        ...itemCells(line, position),
        cell(line.unitNetPrice && formatPrice(line.unitNetPrice)),
        rateCell(line),
        cell(formatAmount(amounts.net)),
        cell(formatAmount(amounts.vat)),
      ],
      ...(line.beforeCorrection ? { tone: 'before' as const } : {}),
      ...(note.length > 0 ? { note } : {}),
    };
  });
  rows.push({ tone: 'total', cells: [[], [label('total')], [], [], [], [], cell(formatAmount(sumAmounts(nets))), cell(formatAmount(sumAmounts(vats)))] });
  return [
    { type: 'fields', fields: [{ label: 'orderValue', value: [text(formatMoney(order.value, invoice.currency))] }] },
    { type: 'table', columns, rows },
  ];
}
