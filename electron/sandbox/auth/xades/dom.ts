/** Small namespace-aware DOM helpers shared by the verifier modules. */
import type { Element, Node } from '@xmldom/xmldom';

export function childElements(parent: Node, namespace: string, localName?: string): Element[] {
  const result: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (element.namespaceURI === namespace && (localName === undefined || element.localName === localName)) result.push(element);
  }
  return result;
}

export function allElementChildren(parent: Node): Element[] {
  const result: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) result.push(child as Element);
  return result;
}

export function textOf(element: Element): string {
  return element.textContent ?? '';
}

/** Strict Base64 (whitespace allowed between characters, as XML Schema's base64Binary permits). */
export function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/[\t\n\r ]+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

export function descendantElements(root: Node): Element[] {
  const result: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 1) result.push(node as Element);
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return result;
}
