/**
 * Canonical XML (C14N 1.0 / 1.1 and Exclusive C14N, with or without comments) over xmldom nodes.
 * Written for the verifier from the W3C specs rather than borrowed from the signer, so a bug on one
 * side cannot hide the same bug on the other. Node-sets are "a subtree minus excluded subtrees",
 * which is all that same-document references with enveloped / XPath-not-Signature transforms need.
 */
import type { Attr, Element, Node } from '@xmldom/xmldom';

export type C14nFlavour = 'c14n10' | 'c14n11' | 'exclusive';

export interface C14nOptions {
  flavour: C14nFlavour;
  withComments: boolean;
  /** Exclusive C14N `InclusiveNamespaces/@PrefixList`; `#default` stands for the default namespace. */
  inclusivePrefixes?: readonly string[];
  /** Subtrees left out of the node-set (e.g. the enveloped signature). */
  isExcluded?: (node: Node) => boolean;
}

const NODE = { element: 1, attribute: 2, text: 3, cdata: 4, pi: 7, comment: 8, document: 9 } as const;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type NamespaceMap = ReadonlyMap<string, string>;

function isNamespaceDeclaration(attribute: Attr): boolean {
  return attribute.nodeName === 'xmlns' || attribute.nodeName.startsWith('xmlns:');
}

function declaredPrefix(attribute: Attr): string {
  return attribute.nodeName === 'xmlns' ? '' : attribute.nodeName.slice('xmlns:'.length);
}

function attributesOf(element: Element): Attr[] {
  const result: Attr[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (attribute) result.push(attribute);
  }
  return result;
}

/** Every namespace binding in scope at `element`, nearest declaration winning. */
function namespacesInScope(element: Element): Map<string, string> {
  const scope = new Map<string, string>();
  for (let node: Node | null = element; node && node.nodeType === NODE.element; node = node.parentNode) {
    for (const attribute of attributesOf(node as Element)) {
      if (!isNamespaceDeclaration(attribute)) continue;
      const prefix = declaredPrefix(attribute);
      if (!scope.has(prefix)) scope.set(prefix, attribute.value);
    }
  }
  return scope;
}

export function escapeC14nText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeC14nAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Canonicalizer {
  private readonly out: string[] = [];

  constructor(private readonly options: C14nOptions) {}

  run(apex: Node): string {
    if (apex.nodeType === NODE.document) this.document(apex);
    else if (apex.nodeType === NODE.element) this.element(apex as Element, new Map(), true);
    else throw new Error(`Cannot canonicalize node type ${apex.nodeType}`);
    return this.out.join('');
  }

  private excluded(node: Node): boolean {
    return this.options.isExcluded?.(node) ?? false;
  }

  private document(document: Node): void {
    let seenRoot = false;
    for (let child = document.firstChild; child; child = child.nextSibling) {
      if (this.excluded(child)) continue;
      if (child.nodeType === NODE.element) {
        this.element(child as Element, new Map(), true);
        seenRoot = true;
        continue;
      }
      // Outside the root, comments and PIs are separated from it by a line feed.
      const before = this.out.length;
      if (child.nodeType === NODE.comment) this.comment(child);
      else if (child.nodeType === NODE.pi && child.nodeName !== 'xml') this.processingInstruction(child);
      if (this.out.length === before) continue;
      if (seenRoot) this.out.splice(before, 0, '\n');
      else this.out.push('\n');
    }
  }

  private comment(node: Node): void {
    if (this.options.withComments) this.out.push(`<!--${node.nodeValue ?? ''}-->`);
  }

  private processingInstruction(node: Node): void {
    const data = node.nodeValue ?? '';
    this.out.push(`<?${node.nodeName}${data ? ` ${data}` : ''}?>`);
  }

  private namespacesToRender(element: Element, rendered: NamespaceMap): Array<[string, string]> {
    const scope = namespacesInScope(element);
    const candidates = new Map<string, string>();
    if (this.options.flavour === 'exclusive') {
      // Only namespaces the element or its attributes visibly use, plus the PrefixList ones.
      candidates.set(element.prefix ?? '', element.namespaceURI ?? '');
      for (const attribute of attributesOf(element)) {
        if (isNamespaceDeclaration(attribute) || !attribute.prefix || attribute.prefix === 'xml') continue;
        candidates.set(attribute.prefix, attribute.namespaceURI ?? '');
      }
      for (const listed of this.options.inclusivePrefixes ?? []) {
        const prefix = listed === '#default' ? '' : listed;
        const uri = scope.get(prefix);
        if (uri !== undefined) candidates.set(prefix, uri);
      }
    } else {
      for (const [prefix, uri] of scope) candidates.set(prefix, uri);
      if (!candidates.has('')) candidates.set('', '');
    }
    const result: Array<[string, string]> = [];
    for (const [prefix, uri] of candidates) {
      if (prefix === 'xml') continue;
      // An empty default namespace only needs saying when an output ancestor set a non-empty one.
      if (prefix === '' && uri === '' && (rendered.get('') ?? '') === '') continue;
      if (rendered.get(prefix) !== uri) result.push([prefix, uri]);
    }
    return result.sort(([a], [b]) => compareCodePoints(a, b));
  }

  /** C14N 1.x copies xml:* attributes of omitted ancestors onto the apex of a document subset. */
  private inheritedXmlAttributes(element: Element): Array<[string, string, string]> {
    if (this.options.flavour === 'exclusive') return [];
    const inheritable = this.options.flavour === 'c14n11' ? new Set(['lang', 'space']) : null;
    const found = new Map<string, string>();
    for (let node = element.parentNode; node && node.nodeType === NODE.element; node = node.parentNode) {
      for (const attribute of attributesOf(node as Element)) {
        const localName = attribute.localName ?? '';
        if (attribute.namespaceURI !== XML_NS || found.has(localName)) continue;
        if (inheritable && !inheritable.has(localName)) continue;
        found.set(localName, attribute.value);
      }
    }
    return [...found].map(([localName, value]) => [XML_NS, localName, value]);
  }

  private element(element: Element, rendered: NamespaceMap, isApex: boolean): void {
    if (this.excluded(element)) return;
    const namespaces = this.namespacesToRender(element, rendered);
    const attributes: Array<[string, string, string, string]> = attributesOf(element)
      .filter((attribute) => !isNamespaceDeclaration(attribute))
      .map((attribute) => [attribute.namespaceURI ?? '', attribute.localName ?? attribute.nodeName, attribute.nodeName, attribute.value]);
    if (isApex) {
      for (const [uri, localName, value] of this.inheritedXmlAttributes(element)) {
        if (!attributes.some(([u, l]) => u === uri && l === localName)) attributes.push([uri, localName, `xml:${localName}`, value]);
      }
    }
    attributes.sort(([uriA, localA], [uriB, localB]) => compareCodePoints(uriA, uriB) || compareCodePoints(localA, localB));

    const parts = [`<${element.nodeName}`];
    for (const [prefix, uri] of namespaces) parts.push(prefix ? ` xmlns:${prefix}="${escapeC14nAttribute(uri)}"` : ` xmlns="${escapeC14nAttribute(uri)}"`);
    for (const [, , qualifiedName, value] of attributes) parts.push(` ${qualifiedName}="${escapeC14nAttribute(value)}"`);
    parts.push('>');
    this.out.push(parts.join(''));

    const childRendered = new Map(rendered);
    for (const [prefix, uri] of namespaces) childRendered.set(prefix, uri);
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (this.excluded(child)) continue;
      if (child.nodeType === NODE.element) this.element(child as Element, childRendered, false);
      else if (child.nodeType === NODE.text || child.nodeType === NODE.cdata) this.out.push(escapeC14nText(child.nodeValue ?? ''));
      else if (child.nodeType === NODE.comment) this.comment(child);
      else if (child.nodeType === NODE.pi) this.processingInstruction(child);
    }
    this.out.push(`</${element.nodeName}>`);
  }
}

export function canonicalize(apex: Node, options: C14nOptions): string {
  return new Canonicalizer(options).run(apex);
}
