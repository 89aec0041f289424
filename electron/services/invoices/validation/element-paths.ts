/**
 * A light pass over an XML text that records where each element starts (lines of its start tag) and its path,
 * so libxml2's `file:LINE: Element 'X'` can be turned into `/Faktura/Fa/X`. Also notes processing instructions
 * and a DOCTYPE for the byte-level rules. Tolerant: on malformed input it records what it saw.
 */

export interface ElementAt {
  localName: string;
  path: string;
  /** Line of `<` and of the closing `>` of the start tag (libxml2 reports the latter). */
  firstLine: number;
  lastLine: number;
}

export interface DocumentOutline {
  elements: ElementAt[];
  processingInstructions: { target: string; line: number }[];
  doctypeLine: number | null;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?([^\s?]+)[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon >= 0 ? qualified.slice(colon + 1) : qualified;
}

export function outlineDocument(text: string): DocumentOutline {
  const outline: DocumentOutline = { elements: [], processingInstructions: [], doctypeLine: null };
  const stack: string[] = [];
  let line = 1;
  let scanned = 0;
  const advanceTo = (offset: number): void => {
    for (let i = scanned; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    scanned = offset;
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    advanceTo(match.index);
    const firstLine = line;
    const [token, piTarget, endName, startName, selfClosing] = match;
    if (piTarget !== undefined) {
      if (!(piTarget.toLowerCase() === 'xml' && match.index === 0)) outline.processingInstructions.push({ target: piTarget, line: firstLine });
    } else if (token.startsWith('<!DOCTYPE')) {
      outline.doctypeLine ??= firstLine;
    } else if (endName !== undefined) {
      const name = localName(endName);
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (startName !== undefined) {
      advanceTo(match.index + token.length);
      const name = localName(startName);
      stack.push(name);
      outline.elements.push({ localName: name, path: `/${stack.join('/')}`, firstLine, lastLine: line });
      if (selfClosing) stack.pop();
    }
  }
  return outline;
}

/**
 * The element libxml2 means by `line` (and `name`, when its message names one): the one whose start tag spans
 * that line, preferring the last such tag; failing that, the closest start tag above the line.
 */
export function elementAtLine(outline: DocumentOutline, line: number, name?: string): ElementAt | undefined {
  let best: ElementAt | undefined;
  let nearestAbove: ElementAt | undefined;
  for (const element of outline.elements) {
    if (element.firstLine > line) break;
    if (name === undefined || element.localName === name) {
      nearestAbove = element;
      if (element.lastLine >= line) best = element;
    }
  }
  return best ?? nearestAbove;
}
