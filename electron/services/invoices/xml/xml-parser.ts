/**
 * A small, strict, non-validating XML parser producing a namespace-resolved element tree. Hand-written
 * because the reader must be fast (a DOM costs ~10× more for invoices) and must reject what is not
 * well-formed. DOCTYPE declarations are refused (no entity expansion: no XXE, no "billion laughs").
 */

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI ('' for none). */
  ns: string;
  /** Unprefixed attributes (namespace declarations and prefixed attributes such as xsi:* are not kept). */
  attributes: Record<string, string> | undefined;
  children: XmlElement[];
  /** Concatenated character data (text and CDATA) directly inside the element. */
  text: string;
  /** Offset of the start tag in the parsed text (for line numbers). */
  offset: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly kind: 'MALFORMED_XML' | 'UNSUPPORTED_XML' = 'MALFORMED_XML',
  ) {
    super(message);
  }
}

// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters; detecting them is the point
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAME = /[A-Za-z_:\u00C0-\uFFFD][\w.:\-\u00B7\u00C0-\uFFFD]*/y;
const WHITESPACE = /[ \t\n\r]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** FA(3) nests about 8 deep; anything far deeper is refused before it can exhaust the stack. */
const MAX_DEPTH = 100;

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) line += 1;
  return line;
}

interface OpenElement {
  element: XmlElement;
  qname: string;
  scope: Map<string, string> | undefined;
}

class Parser {
  private position = 0;
  private readonly stack: OpenElement[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly source: string) {}

  parse(): XmlElement {
    const source = this.source;
    const forbidden = FORBIDDEN_CHARACTER.exec(source);
    if (forbidden) this.fail('A character not allowed in XML', forbidden.index);
    if (source.startsWith('<?xml')) this.skipXmlDeclaration();
    while (this.position < source.length) {
      const next = source.indexOf('<', this.position);
      if (next === -1) {
        this.text(source.length);
        break;
      }
      if (next > this.position) this.text(next);
      this.markup();
    }
    if (this.stack.length > 0) this.fail(`Element <${this.stack.at(-1)?.qname ?? ''}> is not closed`, source.length);
    if (!this.root) this.fail('No root element', 0);
    return this.root;
  }

  private fail(message: string, offset: number, kind?: 'MALFORMED_XML' | 'UNSUPPORTED_XML'): never {
    throw new XmlSyntaxError(message, lineAt(this.source, offset), kind);
  }

  private skipXmlDeclaration(): void {
    const end = this.source.indexOf('?>');
    if (end === -1) this.fail('Unterminated XML declaration', 0);
    const declaration = this.source.slice(0, end);
    const encoding = /encoding\s*=\s*["']([^"']+)["']/.exec(declaration)?.[1];
    if (encoding && !/^utf-?8$/i.test(encoding)) this.fail(`Encoding ${encoding} is not supported (FA(3) is UTF-8)`, 0, 'UNSUPPORTED_XML');
    this.position = end + 2;
  }

  /** Character data up to `end`; outside the root only whitespace is allowed. */
  private text(end: number): void {
    const raw = this.source.slice(this.position, end);
    const current = this.stack.at(-1);
    if (!current) {
      if (raw.trim() !== '') this.fail('Text outside the root element', this.position);
    } else if (raw.length > 0) {
      current.element.text += raw.includes('&') ? this.decode(raw, this.position) : raw;
    }
    this.position = end;
  }

  private decode(raw: string, offset: number): string {
    return raw.replace(/&([^;&\s<]*);?/g, (match, body: string, index: number) => {
      if (!match.endsWith(';')) this.fail('An "&" that does not start an entity', offset + index);
      if (body.startsWith('#')) {
        const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
        const valid = /^#(x[0-9a-fA-F]+|[0-9]+)$/.test(body) && code >= 0x9 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        const character = valid ? String.fromCodePoint(code) : '';
        if (!valid || FORBIDDEN_CHARACTER.test(character)) this.fail(`Invalid character reference &${body};`, offset + index);
        return character;
      }
      const value = PREDEFINED[body];
      if (value === undefined) this.fail(`Undefined entity &${body};`, offset + index);
      return value;
    });
  }

  private markup(): void {
    const source = this.source;
    const start = this.position;
    const next = source.charCodeAt(start + 1);
    if (next === 0x2f /* / */) return this.endTag();
    if (next === 0x3f /* ? */) {
      const end = source.indexOf('?>', start + 2);
      if (end === -1) this.fail('Unterminated processing instruction', start);
      if (/^<\?xml[\s?]/i.test(source.slice(start, start + 6))) this.fail('XML declaration not at the start', start);
      this.position = end + 2;
      return;
    }
    if (next === 0x21 /* ! */) {
      if (source.startsWith('<!--', start)) {
        const end = source.indexOf('-->', start + 4);
        if (end === -1) this.fail('Unterminated comment', start);
        this.position = end + 3;
        return;
      }
      if (source.startsWith('<![CDATA[', start)) {
        const current = this.stack.at(-1);
        if (!current) this.fail('CDATA outside the root element', start);
        const end = source.indexOf(']]>', start + 9);
        if (end === -1) this.fail('Unterminated CDATA section', start);
        current.element.text += source.slice(start + 9, end);
        this.position = end + 3;
        return;
      }
      if (source.startsWith('<!DOCTYPE', start)) this.fail('DOCTYPE declarations are not accepted', start, 'UNSUPPORTED_XML');
      this.fail('Unexpected markup', start);
    }
    this.startTag();
  }

  private readName(at: number): string {
    NAME.lastIndex = at;
    const match = NAME.exec(this.source);
    if (!match) this.fail('Expected a name', at);
    return match[0];
  }

  private skipWhitespace(): number {
    WHITESPACE.lastIndex = this.position;
    WHITESPACE.exec(this.source);
    const skipped = WHITESPACE.lastIndex - this.position;
    this.position = WHITESPACE.lastIndex;
    return skipped;
  }

  private startTag(): void {
    const source = this.source;
    const start = this.position;
    if (this.root && this.stack.length === 0) this.fail('Content after the root element', start);
    const qname = this.readName(start + 1);
    this.position = start + 1 + qname.length;
    const rawAttributes: [string, string][] = [];
    let scope: Map<string, string> | undefined;
    for (;;) {
      const spaced = this.skipWhitespace() > 0;
      const char = source.charCodeAt(this.position);
      if (char === 0x3e /* > */ || (char === 0x2f /* / */ && source.charCodeAt(this.position + 1) === 0x3e)) break;
      if (!spaced) this.fail(`Malformed start tag <${qname}>`, this.position);
      const attributeName = this.readName(this.position);
      this.position += attributeName.length;
      this.skipWhitespace();
      if (source[this.position] !== '=') this.fail(`Attribute ${attributeName} has no value`, this.position);
      this.position += 1;
      this.skipWhitespace();
      const quote = source[this.position];
      if (quote !== '"' && quote !== "'") this.fail(`Attribute ${attributeName} value is not quoted`, this.position);
      const end = source.indexOf(quote, this.position + 1);
      if (end === -1) this.fail('Unterminated attribute value', this.position);
      // Literal whitespace is normalised to spaces before references are expanded (&#10; stays a newline).
      let value = source.slice(this.position + 1, end).replace(/[\t\n\r]/g, ' ');
      if (value.includes('<')) this.fail('"<" inside an attribute value', this.position);
      if (value.includes('&')) value = this.decode(value, this.position + 1);
      this.position = end + 1;
      if (rawAttributes.some(([name]) => name === attributeName)) this.fail(`Duplicate attribute ${attributeName}`, start);
      rawAttributes.push([attributeName, value]);
      if (attributeName === 'xmlns' || attributeName.startsWith('xmlns:')) {
        scope ??= new Map();
        scope.set(attributeName === 'xmlns' ? '' : attributeName.slice(6), value);
      }
    }
    const selfClosing = source.charCodeAt(this.position) === 0x2f;
    this.position += selfClosing ? 2 : 1;

    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const ns = this.resolve(prefix, scope, start);
    let attributes: Record<string, string> | undefined;
    for (const [name, value] of rawAttributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const attributeColon = name.indexOf(':');
      if (attributeColon !== -1) {
        this.resolve(name.slice(0, attributeColon), scope, start); // unbound prefixes are errors
        continue;
      }
      (attributes ??= {})[name] = value;
    }
    const element: XmlElement = { name: colon === -1 ? qname : qname.slice(colon + 1), ns, attributes, children: [], text: '', offset: start };
    const parent = this.stack.at(-1);
    if (parent) parent.element.children.push(element);
    else this.root = element;
    if (!selfClosing) {
      if (this.stack.length >= MAX_DEPTH) this.fail(`Elements nested deeper than ${MAX_DEPTH} levels`, start, 'UNSUPPORTED_XML');
      this.stack.push({ element, qname, scope });
    }
  }

  private resolve(prefix: string, scope: Map<string, string> | undefined, offset: number): string {
    if (prefix === 'xml') return XML_NS;
    const own = scope?.get(prefix);
    if (own !== undefined) return own;
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const value = this.stack[index]?.scope?.get(prefix);
      if (value !== undefined) return value;
    }
    if (prefix !== '') this.fail(`Namespace prefix "${prefix}" is not declared`, offset);
    return '';
  }

  private endTag(): void {
    const start = this.position;
    const qname = this.readName(start + 2);
    this.position = start + 2 + qname.length;
    this.skipWhitespace();
    if (this.source[this.position] !== '>') this.fail(`Malformed end tag </${qname}>`, start);
    this.position += 1;
    const open = this.stack.pop();
    if (!open) this.fail(`End tag </${qname}> without a start tag`, start);
    if (open.qname !== qname) this.fail(`End tag </${qname}> does not match <${open.qname}>`, start);
  }
}

/** Parses XML text (line endings normalised, BOM removed by the caller) into an element tree. */
export function parseXml(source: string): XmlElement {
  const normalised = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  return new Parser(normalised).parse();
}
