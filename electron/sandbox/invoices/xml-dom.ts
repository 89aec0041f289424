/** Small namespace-aware DOM helpers over @xmldom/xmldom (strict parsing, child lookups, text). */
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;
const PROCESSING_INSTRUCTION_NODE = 7;

/** Parses XML text; throws on any well-formedness error (xmldom's default only throws on fatal ones). */
export function parseXmlStrict(xmlText: string): Document {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xmlText, 'text/xml');
}

export function childElements(parent: Element | Document, localName?: string, namespace?: string): Element[] {
  const found: Element[] = [];
  for (let node: Node | null = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (localName !== undefined && element.localName !== localName) continue;
    if (namespace !== undefined && element.namespaceURI !== namespace) continue;
    found.push(element);
  }
  return found;
}

export function firstChild(parent: Element | undefined, localName: string, namespace: string): Element | undefined {
  return parent ? childElements(parent, localName, namespace)[0] : undefined;
}

/** Follows a path of local names (all in `namespace`) from `start`. */
export function descend(start: Element | undefined, path: readonly string[], namespace: string): Element | undefined {
  let current = start;
  for (const step of path) current = firstChild(current, step, namespace);
  return current;
}

/** Trimmed text content, or undefined when the element is missing or empty. */
export function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

/** Target names of processing instructions anywhere in the document (the XML declaration shows up as `xml`). */
export function processingInstructionTargets(document: Document): string[] {
  const targets: string[] = [];
  const visit = (node: Node): void => {
    for (let child: Node | null = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === PROCESSING_INSTRUCTION_NODE) targets.push(child.nodeName);
      else if (child.nodeType === ELEMENT_NODE) visit(child);
    }
  };
  visit(document);
  return targets;
}
