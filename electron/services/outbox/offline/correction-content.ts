/**
 * A technical correction must not change the invoice's content (PROTOCOL §14). The rejected file may be
 * invalid XML (that may be why it was rejected), so the facts that make up the content are read with a
 * tolerant scan of element text rather than a parser.
 */
import type { ContentDifference } from '../../../../shared/ipc/channels/offline';

/** Fields whose change would be a change of content, with how to find them. */
const CONTENT_FIELDS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['RodzajFaktury', /<(?:\w+:)?RodzajFaktury>([^<]*)</],
  ['P_1', /<(?:\w+:)?P_1>([^<]*)</],
  ['P_2', /<(?:\w+:)?P_2>([^<]*)</],
  ['KodWaluty', /<(?:\w+:)?KodWaluty>([^<]*)</],
  ['Podmiot1/NIP', /<(?:\w+:)?Podmiot1\b[\s\S]*?<(?:\w+:)?NIP>([^<]*)</],
  ['Podmiot2/NIP', /<(?:\w+:)?Podmiot2\b[\s\S]*?<(?:\w+:)?NIP>([^<]*)</],
  ['P_15', /<(?:\w+:)?P_15>([^<]*)</],
];

const AMOUNT_FIELD = /<(?:\w+:)?(P_1[34]_\w+)>([^<]*)</g;
const LINE = /<(?:\w+:)?FaWiersz>/g;

function contentFacts(xml: string): Map<string, string> {
  const facts = new Map<string, string>();
  for (const [name, pattern] of CONTENT_FIELDS) {
    const match = pattern.exec(xml);
    if (match?.[1] !== undefined) facts.set(name, match[1].trim());
  }
  for (const match of xml.matchAll(AMOUNT_FIELD)) facts.set(match[1] ?? '', normalizeAmount(match[2] ?? ''));
  facts.set('FaWiersz (liczba)', String(xml.match(LINE)?.length ?? 0));
  const total = facts.get('P_15');
  if (total !== undefined) facts.set('P_15', normalizeAmount(total));
  return facts;
}

/** "100.5" and "100.50" are the same amount. */
function normalizeAmount(text: string): string {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return trimmed;
  const [whole, fraction = ''] = trimmed.split('.');
  const cleaned = fraction.replace(/0+$/, '');
  return cleaned ? `${whole}.${cleaned}` : (whole ?? trimmed);
}


/** What differs between the rejected and the corrected file in the facts that make up the content. */
export function contentDifferences(rejectedXml: string, correctedXml: string): ContentDifference[] {
  const before = contentFacts(rejectedXml);
  const after = contentFacts(correctedXml);
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  return fields
    .filter((field) => before.get(field) !== after.get(field))
    .map((field) => ({ field, before: before.get(field) ?? null, after: after.get(field) ?? null }));
}
