/**
 * Test helper: a document as the ordered list of its leaf values and attributes with their element paths
 * (`/Faktura/Fa/FaWiersz/P_7=lodówka`), namespace prefixes and formatting ignored. Two documents with equal
 * lists carry the same elements and values in the same order.
 */
import { parseXml, type XmlElement } from '../xml/xml-parser';

export function canonicalLeaves(xml: string): string[] {
  const out: string[] = [];
  const visit = (element: XmlElement, parent: string) => {
    const path = `${parent}/${element.name}`;
    for (const [name, value] of Object.entries(element.attributes ?? {})) out.push(`${path}/@${name}=${value}`);
    if (element.children.length === 0) out.push(`${path}=${element.text.trim()}`);
    for (const child of element.children) visit(child, path);
  };
  visit(parseXml(xml.replace(/^\uFEFF/, '')), '');
  return out;
}
