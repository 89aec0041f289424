/** String-building helpers for the FA(3) writer: escaping, leaf elements, preserved nodes, ordered merging. */
import type { XmlNode } from '../../../../shared/domain/invoice/model';
import { childPosition, type PreservingContainer } from './fa3-order';

const TEXT_SPECIAL = /[&<>\r]/;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export function escapeText(value: string): string {
  return TEXT_SPECIAL.test(value) ? value.replace(/[&<>\r]/g, (char) => ESCAPES[char] ?? char) : value;
}

export function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(/[&<>"\t\n\r]/g, (char) => ESCAPES[char] ?? char) : value;
}

export function leaf(name: string, value: string): string {
  return `<${name}>${escapeText(value)}</${name}>`;
}

export function optionalLeaf(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : leaf(name, String(value));
}

/** A TWybor1 marker: `<name>1</name>` when set, nothing otherwise. */
export function markerLeaf(name: string, value: boolean | undefined): string {
  return value ? `<${name}>1</${name}>` : '';
}

/** `1` for true, `2` for false (etd:TWybor1_2). */
export function choice12(value: boolean | undefined): string {
  return value ? '1' : '2';
}

export function nodeXml(node: XmlNode): string {
  let attributes = '';
  if (node.attributes) {
    for (const [name, value] of Object.entries(node.attributes)) attributes += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (node.children && node.children.length > 0) {
    let inner = '';
    for (const child of node.children) inner += nodeXml(child);
    return `<${node.name}${attributes}>${inner}</${node.name}>`;
  }
  if (node.text === undefined || node.text === '') return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`;
}

/**
 * Builds one container's content in schema order, slotting preserved elements (`extra`) in before the
 * first typed element that comes after them in the XSD sequence.
 */
export class OrderedContent {
  private out = '';
  private pending: { position: number; node: XmlNode }[];

  constructor(
    private readonly container: PreservingContainer,
    extra: readonly XmlNode[] | undefined,
  ) {
    this.pending =
      extra && extra.length > 0
        ? extra
            .map((node, index) => ({ position: childPosition(container, node.name), node, index }))
            .sort((left, right) => left.position - right.position || left.index - right.index)
        : [];
  }

  /** Appends typed XML whose first element is `name` (nothing when xml is empty). */
  add(name: string, xml: string): this {
    if (xml === '') return this;
    if (this.pending.length > 0) this.flushBefore(childPosition(this.container, name));
    this.out += xml;
    return this;
  }

  addLeaf(name: string, value: string | number | undefined): this {
    return value === undefined ? this : this.add(name, leaf(name, String(value)));
  }

  /** Content with every remaining preserved element appended. */
  finish(): string {
    this.flushBefore(Number.MAX_SAFE_INTEGER + 1);
    return this.out;
  }

  private flushBefore(position: number): void {
    while (this.pending.length > 0 && (this.pending[0]?.position ?? 0) < position) {
      const next = this.pending.shift();
      if (next) this.out += nodeXml(next.node);
    }
  }
}
