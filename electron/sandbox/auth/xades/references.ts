/**
 * Dereferences and digests every ds:Reference of a SignedInfo. Only same-document references are
 * accepted: "" (the whole document) and "#id"; anything else would be a detached signature.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Document, Element, Node } from '@xmldom/xmldom';
import {
  CANONICALIZATION_ALGORITHMS,
  DIGEST_ALGORITHMS,
  ENVELOPED_SIGNATURE,
  XMLDSIG_NS,
  XPATH_FILTER,
} from './algorithms';
import { canonicalize } from './c14n';
import { childElements, decodeBase64, descendantElements, textOf } from './dom';
import { invalidSignature } from './errors';

const EXC_C14N_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ID_ATTRIBUTES = ['Id', 'ID', 'id'];

export function inclusivePrefixList(method: Element): string[] {
  const list = childElements(method, EXC_C14N_NS, 'InclusiveNamespaces')[0]?.getAttribute('PrefixList') ?? '';
  return list.split(/\s+/).filter(Boolean);
}

/** The unique element carrying this Id; duplicates are refused so a reference cannot be re-pointed. */
function elementById(document: Document, id: string): Element {
  const matches = descendantElements(document).filter(
    (element) =>
      ID_ATTRIBUTES.some((name) => element.getAttribute(name) === id) ||
      element.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'id') === id,
  );
  if (matches.length === 0) throw invalidSignature(`Reference target #${id} not found`);
  if (matches.length > 1) throw invalidSignature(`Reference target #${id} is ambiguous (${matches.length} elements)`);
  return matches[0] as Element;
}

function dereference(document: Document, uri: string | null): Node {
  if (uri === null) throw invalidSignature('A Reference without URI is not accepted (detached signature)');
  if (uri === '') return document;
  if (/^#[A-Za-z_][\w.-]*$/.test(uri)) return elementById(document, uri.slice(1));
  throw invalidSignature(`Reference URI "${uri}" is not a same-document reference (detached signatures are not accepted)`);
}

function assertNotSignatureXPath(transform: Element): void {
  const xpath = childElements(transform, XMLDSIG_NS, 'XPath')[0];
  const match = xpath && /^\s*not\(\s*ancestor-or-self::([A-Za-z_][\w.-]*):Signature\s*\)\s*$/.exec(textOf(xpath));
  if (!xpath || !match || xpath.lookupNamespaceURI(match[1] ?? '') !== XMLDSIG_NS) {
    throw invalidSignature('Only the XPath transform not(ancestor-or-self::ds:Signature) is supported');
  }
}

/** Applies the transform chain and returns the octets to digest. */
function transformedOctets(document: Document, signature: Element, target: Node, reference: Element): Buffer {
  const excluded = new Set<Node>();
  const isExcluded = (node: Node): boolean => excluded.has(node);
  const transforms = childElements(reference, XMLDSIG_NS, 'Transforms')[0];
  let octets: Buffer | undefined;
  for (const transform of transforms ? childElements(transforms, XMLDSIG_NS, 'Transform') : []) {
    const algorithm = transform.getAttribute('Algorithm') ?? '';
    if (octets) throw invalidSignature(`Transform ${algorithm} after canonicalization is not supported`);
    const c14n = CANONICALIZATION_ALGORITHMS[algorithm];
    if (algorithm === ENVELOPED_SIGNATURE) {
      excluded.add(signature);
    } else if (algorithm === XPATH_FILTER) {
      assertNotSignatureXPath(transform);
      for (const element of descendantElements(document)) {
        if (element.namespaceURI === XMLDSIG_NS && element.localName === 'Signature') excluded.add(element);
      }
    } else if (c14n) {
      // Same-document references never carry comments, whatever the c14n variant says.
      const text = canonicalize(target, { flavour: c14n.flavour, withComments: false, inclusivePrefixes: inclusivePrefixList(transform), isExcluded });
      octets = Buffer.from(text, 'utf8');
    } else {
      throw invalidSignature(`Unsupported transform ${algorithm}`);
    }
  }
  // XMLDSig: a node-set left at the end of the chain is serialized with inclusive C14N 1.0.
  return octets ?? Buffer.from(canonicalize(target, { flavour: 'c14n10', withComments: false, isExcluded }), 'utf8');
}

/** Verifies every Reference digest; returns the nodes the references cover. */
export function verifyReferences(document: Document, signature: Element, signedInfo: Element): Node[] {
  const references = childElements(signedInfo, XMLDSIG_NS, 'Reference');
  if (references.length === 0) throw invalidSignature('SignedInfo has no Reference');
  return references.map((reference, index) => {
    const uri = reference.getAttribute('URI');
    const target = dereference(document, reference.hasAttribute('URI') ? uri : null);
    const digestMethod = childElements(reference, XMLDSIG_NS, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
    const hash = DIGEST_ALGORITHMS[digestMethod];
    if (!hash) throw invalidSignature(`Reference ${index + 1}: unsupported DigestMethod ${digestMethod}`);
    const digestElement = childElements(reference, XMLDSIG_NS, 'DigestValue')[0];
    const expected = digestElement && decodeBase64(textOf(digestElement));
    if (!expected) throw invalidSignature(`Reference ${index + 1}: DigestValue missing or not Base64`);
    const actual = createHash(hash).update(transformedOctets(document, signature, target, reference)).digest();
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw invalidSignature(`Reference ${index + 1} (URI="${uri ?? ''}"): digest mismatch, the signed content was changed`);
    }
    return target;
  });
}
