/**
 * Structural check of AuthTokenRequest equivalent to auth XSD v2-1 (applied to both the 2.0 and 2.1
 * namespaces). NipVatUe / PeppolId use ECMAScript regexes because the XSD patterns only work with
 * .NET semantics (pack README, PROTOCOL §20.9). ds:Signature children of the root are skipped.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { EXCEPTION_CODES, XadesVerificationError } from './errors';

export const AUTH_NAMESPACES = {
  'http://ksef.mf.gov.pl/auth/token/2.0': '2.0',
  'http://ksef.mf.gov.pl/auth/token/2.1': '2.1',
} as const;
const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const MAX_IPS = 10;

export type ContextIdentifierType = 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';

export interface AuthTokenRequestFields {
  namespace: '2.0' | '2.1';
  challenge: string;
  context: { type: ContextIdentifierType; value: string };
  subjectIdentifierType: 'certificateSubject' | 'certificateFingerprint';
  allowedIps?: { ip4Addresses: string[]; ip4Ranges: string[]; ip4Masks: string[] };
}

const NIP = '[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}';
const IP4 = '((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const NIP_VAT_UE =
  `${NIP}-((AT)(U\\d{8})|(BE)([01]{1}\\d{9})|(BG)(\\d{9,10})|(CY)(\\d{8}[A-Z])|(CZ)(\\d{8,10})|(DE)(\\d{9})|(DK)(\\d{8})|(EE)(\\d{9})|(EL)(\\d{9})` +
  `|(ES)([A-Z]\\d{8}|\\d{8}[A-Z]|[A-Z]\\d{7}[A-Z])|(FI)(\\d{8})|(FR)[A-Z0-9]{2}\\d{9}|(HR)(\\d{11})|(HU)(\\d{8})|(IE)(\\d{7}[A-Z]{2}|\\d[A-Z0-9+*]\\d{5}[A-Z])` +
  `|(IT)(\\d{11})|(LT)(\\d{9}|\\d{12})|(LU)(\\d{8})|(LV)(\\d{11})|(MT)(\\d{8})|(NL)([A-Z0-9+*]{12})|(PT)(\\d{9})|(RO)(\\d{2,10})|(SE)(\\d{12})|(SI)(\\d{8})` +
  `|(SK)(\\d{10})|(XI)((\\d{9}|(\\d{12}))|(GD|HA)(\\d{3})))`;

const whole = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
const CONTEXT_PATTERNS: Record<ContextIdentifierType, RegExp> = {
  Nip: whole(NIP),
  InternalId: whole(`${NIP}-\\d{5}`),
  NipVatUe: whole(NIP_VAT_UE),
  PeppolId: /^P[A-Z]{2}[0-9]{6}$/,
};
// Only the xsd:token-typed values get whitespace collapsed; Nip & co. are xsd:string.
const TOKEN_TYPED = new Set(['Challenge', 'SubjectIdentifierType', 'Ip4Address', 'Ip4Range', 'Ip4Mask']);
const CHALLENGE = /^\d{8}-CR-[A-F0-9]{10}-[A-F0-9]{10}-[A-F0-9]{2}$/;
const IP_PATTERNS = { Ip4Address: whole(IP4), Ip4Range: whole(`${IP4}-${IP4}`), Ip4Mask: whole(`${IP4}/(0|[1-9]|[12][0-9]|3[0-2])`) };

function schemaError(details: string[]): XadesVerificationError {
  return new XadesVerificationError(EXCEPTION_CODES.schemaViolation, 'The document does not conform to the AuthTokenRequest schema', details);
}

class StructureReader {
  readonly problems: string[] = [];

  constructor(private readonly namespace: string) {}

  /** Element children in document order; stray text and foreign attributes become problems. */
  children(parent: Element, skipSignatures = false, textAllowed = false): Element[] {
    this.checkAttributes(parent);
    const result: Element[] = [];
    for (let child: Node | null = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) {
        const element = child as Element;
        if (skipSignatures && element.namespaceURI === XMLDSIG_NS && element.localName === 'Signature') continue;
        result.push(element);
      } else if (!textAllowed && (child.nodeType === 3 || child.nodeType === 4) && (child.nodeValue ?? '').trim() !== '') {
        this.problems.push(`Element '${parent.localName}': unexpected text content`);
      }
    }
    return result;
  }

  private checkAttributes(element: Element): void {
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (!attribute || attribute.nodeName === 'xmlns' || attribute.prefix === 'xmlns' || attribute.namespaceURI === XSI_NS) continue;
      this.problems.push(`Element '${element.localName}': attribute '${attribute.nodeName}' is not allowed`);
    }
  }

  is(element: Element | undefined, localName: string): element is Element {
    return element !== undefined && element.namespaceURI === this.namespace && element.localName === localName;
  }

  /** Text of a simple-typed element, or undefined after recording why it is not one. */
  text(element: Element): string | undefined {
    if (this.children(element, false, true).length > 0) {
      this.problems.push(`Element '${element.localName}': element content is not allowed`);
      return undefined;
    }
    let text = '';
    for (let child: Node | null = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 4) text += child.nodeValue ?? '';
    }
    return TOKEN_TYPED.has(element.localName ?? '') ? text.replace(/[\t\n\r ]+/g, ' ').trim() : text;
  }

  value(element: Element, valid: (value: string) => boolean): string | undefined {
    const value = this.text(element);
    if (value === undefined) return undefined;
    if (!valid(value)) this.problems.push(`Element '${element.localName}': the value '${value}' is not valid`);
    return value;
  }

  missing(localName: string, parent: string, found: Element | undefined): void {
    const instead = found ? ` (found '${found.localName}')` : '';
    this.problems.push(`Element '${parent}': missing child element '${localName}'${instead}`);
  }
}

function readContext(reader: StructureReader, element: Element): AuthTokenRequestFields['context'] | undefined {
  const [choice, ...extra] = reader.children(element);
  const type = (Object.keys(CONTEXT_PATTERNS) as ContextIdentifierType[]).find((name) => reader.is(choice, name));
  if (!choice || !type) {
    reader.missing('Nip|InternalId|NipVatUe|PeppolId', 'ContextIdentifier', choice);
    return undefined;
  }
  for (const unexpected of extra) reader.problems.push(`Element 'ContextIdentifier': unexpected element '${unexpected.localName}'`);
  const value = reader.value(choice, (text) => CONTEXT_PATTERNS[type].test(text));
  return value === undefined ? undefined : { type, value };
}

function readAllowedIps(reader: StructureReader, policy: Element): AuthTokenRequestFields['allowedIps'] {
  const [allowedIps, ...extra] = reader.children(policy);
  for (const unexpected of extra) reader.problems.push(`Element 'AuthorizationPolicy': unexpected element '${unexpected.localName}'`);
  if (!reader.is(allowedIps, 'AllowedIps')) {
    reader.missing('AllowedIps', 'AuthorizationPolicy', allowedIps);
    return undefined;
  }
  const entries = reader.children(allowedIps);
  const lists = { Ip4Address: [] as string[], Ip4Range: [] as string[], Ip4Mask: [] as string[] };
  let cursor = 0;
  // Sequence: every Ip4Address, then every Ip4Range, then every Ip4Mask, at most ten of each.
  for (const name of ['Ip4Address', 'Ip4Range', 'Ip4Mask'] as const) {
    while (reader.is(entries[cursor], name)) {
      const entry = entries[cursor++] as Element;
      const value = reader.value(entry, (text) => IP_PATTERNS[name].test(text));
      if (value !== undefined) lists[name].push(value);
    }
    if (lists[name].length > MAX_IPS) reader.problems.push(`Element 'AllowedIps': more than ${MAX_IPS} '${name}' elements`);
  }
  for (const unexpected of entries.slice(cursor)) reader.problems.push(`Element 'AllowedIps': unexpected element '${unexpected.localName}'`);
  return { ip4Addresses: lists.Ip4Address, ip4Ranges: lists.Ip4Range, ip4Masks: lists.Ip4Mask };
}

export function readAuthTokenRequest(root: Element): AuthTokenRequestFields {
  const namespace = AUTH_NAMESPACES[(root.namespaceURI ?? '') as keyof typeof AUTH_NAMESPACES];
  if (root.localName !== 'AuthTokenRequest' || !namespace) {
    throw schemaError([
      `Root element must be AuthTokenRequest in namespace ${Object.keys(AUTH_NAMESPACES).join(' or ')}; found '${root.localName}' in '${root.namespaceURI ?? ''}'`,
    ]);
  }
  const reader = new StructureReader(root.namespaceURI ?? '');
  const children = reader.children(root, true);
  let cursor = 0;
  const take = (name: string): Element | undefined => (reader.is(children[cursor], name) ? children[cursor++] : undefined);

  const challengeElement = take('Challenge');
  const challenge = challengeElement ? reader.value(challengeElement, (text) => CHALLENGE.test(text)) : reader.missing('Challenge', 'AuthTokenRequest', children[cursor]);
  const contextElement = take('ContextIdentifier');
  const context = contextElement ? readContext(reader, contextElement) : reader.missing('ContextIdentifier', 'AuthTokenRequest', children[cursor]);
  const subjectElement = take('SubjectIdentifierType');
  const subject = subjectElement
    ? reader.value(subjectElement, (text) => text === 'certificateSubject' || text === 'certificateFingerprint')
    : reader.missing('SubjectIdentifierType', 'AuthTokenRequest', children[cursor]);
  const policyElement = take('AuthorizationPolicy');
  const allowedIps = policyElement ? readAllowedIps(reader, policyElement) : undefined;
  for (const unexpected of children.slice(cursor)) reader.problems.push(`Element 'AuthTokenRequest': unexpected element '${unexpected.localName}'`);

  if (reader.problems.length > 0 || challenge === undefined || context === undefined || subject === undefined) {
    throw schemaError(reader.problems);
  }
  return {
    namespace,
    challenge,
    context,
    subjectIdentifierType: subject as AuthTokenRequestFields['subjectIdentifierType'],
    ...(allowedIps ? { allowedIps } : {}),
  };
}
