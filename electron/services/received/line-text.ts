/**
 * Line descriptions for full-text search: FA(3) puts each line's name in `P_7` (inside `FaWiersz`). A targeted
 * scan is enough for the index and works for any FA(3) writer, namespace prefix or not.
 */
const LINE_NAME = /<(?:[A-Za-z_][\w.-]*:)?P_7>([^<]{1,512})<\/(?:[A-Za-z_][\w.-]*:)?P_7>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? '';
  });
}

/** At most 200 line names, joined by newlines. */
export function lineTextOf(xml: Buffer): string {
  const names: string[] = [];
  for (const match of xml.toString('utf8').matchAll(LINE_NAME)) {
    names.push(decodeEntities(match[1] ?? '').trim());
    if (names.length >= 200) break;
  }
  return names.join('\n');
}
