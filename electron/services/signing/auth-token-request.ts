/**
 * Builds the unsigned KSeF `AuthTokenRequest` document (auth XSD v2-0 / v2-1) that the XAdES path
 * signs and posts to `/auth/xades-signature`.
 */

export const AUTH_TOKEN_NAMESPACES = {
  '2.0': 'http://ksef.mf.gov.pl/auth/token/2.0',
  '2.1': 'http://ksef.mf.gov.pl/auth/token/2.1',
} as const;

export type AuthTokenNamespaceVersion = keyof typeof AUTH_TOKEN_NAMESPACES;

export type AuthContextIdentifier =
  | { type: 'Nip'; value: string }
  | { type: 'InternalId'; value: string }
  | { type: 'NipVatUe'; value: string };

export type SubjectIdentifierType = 'certificateSubject' | 'certificateFingerprint';

export interface AllowedIps {
  ip4Addresses?: readonly string[];
  ip4Ranges?: readonly string[];
  ip4Masks?: readonly string[];
}

export interface AuthTokenRequestInput {
  challenge: string;
  contextIdentifier: AuthContextIdentifier;
  subjectIdentifierType: SubjectIdentifierType;
  allowedIps?: AllowedIps;
  /** Both official clients still send 2.0, so that is the default. */
  namespaceVersion?: AuthTokenNamespaceVersion;
}

const MAX_IPS_PER_LIST = 10;

/** Escapes character data and attribute values alike (quotes included, so it is safe in both). */
export function escapeXmlText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;');
}

function element(name: string, text: string, indent: string): string {
  return `${indent}<${name}>${escapeXmlText(text)}</${name}>\n`;
}

function allowedIpsXml(allowedIps: AllowedIps): string {
  const lists: Array<[string, readonly string[]]> = [
    ['Ip4Address', allowedIps.ip4Addresses ?? []],
    ['Ip4Range', allowedIps.ip4Ranges ?? []],
    ['Ip4Mask', allowedIps.ip4Masks ?? []],
  ];
  let body = '';
  // The XSD fixes the order: all addresses, then ranges, then masks.
  for (const [name, values] of lists) {
    if (values.length > MAX_IPS_PER_LIST) {
      throw new RangeError(`AuthorizationPolicy allows at most ${MAX_IPS_PER_LIST} ${name} entries`);
    }
    for (const value of values) body += element(name, value, '      ');
  }
  return `  <AuthorizationPolicy>\n    <AllowedIps>\n${body}    </AllowedIps>\n  </AuthorizationPolicy>\n`;
}

export function buildAuthTokenRequestXml(input: AuthTokenRequestInput): string {
  const namespace = AUTH_TOKEN_NAMESPACES[input.namespaceVersion ?? '2.0'];
  const { type, value } = input.contextIdentifier;
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<AuthTokenRequest xmlns="${namespace}">\n` +
    element('Challenge', input.challenge, '  ') +
    `  <ContextIdentifier>\n${element(type, value, '    ')}  </ContextIdentifier>\n` +
    element('SubjectIdentifierType', input.subjectIdentifierType, '  ') +
    (input.allowedIps ? allowedIpsXml(input.allowedIps) : '') +
    '</AuthTokenRequest>\n'
  );
}
