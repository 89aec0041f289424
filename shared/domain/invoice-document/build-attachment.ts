/**
 * Zalacznik (the FA(3) attachment) as readable blocks: each BlokDanych with its heading, key/value metadata,
 * paragraphs and real tables (TNaglowek columns, Wiersz rows, Suma total) instead of a dump of element paths.
 */
import type { XmlNode } from '../invoice/model';
import { label, text, type DocBlock, type DocColumn, type DocRow } from './document';

const childrenNamed = (node: XmlNode, name: string): XmlNode[] => (node.children ?? []).filter((child) => child.name === name);
const firstText = (node: XmlNode, name: string): string | undefined => childrenNamed(node, name)[0]?.text;
const texts = (node: XmlNode, name: string): string[] => childrenNamed(node, name).map((child) => child.text ?? '');

function keyValueRows(nodes: XmlNode[], keyName: string, valueName: string): DocRow[] {
  return nodes.map((meta) => ({ cells: [[text(firstText(meta, keyName) ?? '')], [text(firstText(meta, valueName) ?? '')]] }));
}

function keyValueTable(rows: DocRow[]): DocBlock[] {
  if (rows.length === 0) return [];
  return [{ type: 'table', columns: [{ label: 'colKey', align: 'left', width: 180 }, { label: 'colValue', align: 'left', width: '*' }], rows }];
}

function dataTable(table: XmlNode): DocBlock[] {
  const header = childrenNamed(table, 'TNaglowek')[0];
  const columns: DocColumn[] = (header ? childrenNamed(header, 'Kol') : []).map((column) => ({
    label: 'colValue',
    heading: firstText(column, 'NKom') ?? '',
    // Typ is txt, date, time, int or dec: numbers line up on the right.
    align: column.attributes?.Typ === 'int' || column.attributes?.Typ === 'dec' ? 'right' : 'left',
    width: '*',
  }));
  const width = Math.max(columns.length, ...childrenNamed(table, 'Wiersz').map((row) => texts(row, 'WKom').length));
  while (columns.length < width) columns.push({ label: 'colValue', heading: '', align: 'left', width: '*' });
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')].map((cell) => [text(cell)]);
  const rows: DocRow[] = childrenNamed(table, 'Wiersz').map((row) => ({ cells: pad(texts(row, 'WKom')) }));
  const sum = childrenNamed(table, 'Suma')[0];
  if (sum) rows.push({ tone: 'total', cells: pad(texts(sum, 'SKom')) });
  const meta = childrenNamed(table, 'TMetaDane').map((entry) => `${firstText(entry, 'TKlucz') ?? ''}: ${firstText(entry, 'TWartosc') ?? ''}`);
  const description = firstText(table, 'Opis');
  return [
    ...meta.map((line): DocBlock => ({ type: 'paragraph', text: [text(line)] })),
    ...(columns.length > 0 ? [{ type: 'table' as const, ...(description ? { caption: [text(description)] } : {}), columns, rows }] : []),
  ];
}

export function attachmentBlocks(attachment: XmlNode): DocBlock[] {
  return childrenNamed(attachment, 'BlokDanych').flatMap((block, index): DocBlock[] => {
    const heading = firstText(block, 'ZNaglowek');
    const paragraphs = childrenNamed(block, 'Tekst').flatMap((textNode) => texts(textNode, 'Akapit'));
    return [
      { type: 'paragraph', emphasis: true, text: heading ? [text(heading)] : [label('elementAttachment'), text(` ${index + 1}`)] },
      ...keyValueTable(keyValueRows(childrenNamed(block, 'MetaDane'), 'ZKlucz', 'ZWartosc')),
      ...paragraphs.map((paragraph): DocBlock => ({ type: 'paragraph', text: [text(paragraph)] })),
      ...childrenNamed(block, 'Tabela').flatMap(dataTable),
    ];
  });
}
