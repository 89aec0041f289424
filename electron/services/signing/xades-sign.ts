/**
 * Enveloped XAdES-BES signing in the shape the official C# client produces (PROTOCOL §4.2), except
 * that SignedInfo uses exclusive C14N so the result does not depend on where it is canonicalized.
 */
import { createHash, createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { ecdsaHashFor, signInKeyProblem } from '../certificates/key-rules';
import { issuerNameRfc2253, serialNumberDecimal } from './certificate-identity';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const ECDSA_BY_HASH = {
  sha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  sha384: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
  sha512: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512',
} as const;
const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';
const SIGNATURE_ID = 'Signature';
const SIGNED_PROPERTIES_ID = 'SignedProperties';
const DEFAULT_SIGNING_TIME_OFFSET_MS = 60_000;

export interface XadesSignOptions {
  /** Defaults to now − 1 minute, like the C# client, to absorb clock skew with KSeF. */
  signingTime?: Date;
}

export class XadesSigningError extends Error {
  override readonly name = 'XadesSigningError';
}

type SignatureMethod = { uri: string; hash: 'sha256' | 'sha384' | 'sha512'; dsaEncoding?: 'ieee-p1363' };

function signatureMethodFor(key: KeyObject): SignatureMethod {
  if (key.type !== 'private') throw new XadesSigningError('A private key is required');
  const problem = signInKeyProblem(key);
  if (problem !== null) throw new XadesSigningError(`KSeF does not accept this key (${problem})`);
  if (key.asymmetricKeyType === 'rsa') return { uri: RSA_SHA256, hash: 'sha256' };
  if (key.asymmetricKeyType === 'ec') {
    const hash = ecdsaHashFor(key.asymmetricKeyDetails?.namedCurve ?? '');
    // XMLDSig wants raw r||s, not the DER SEQUENCE OpenSSL emits by default.
    return { uri: ECDSA_BY_HASH[hash], hash, dsaEncoding: 'ieee-p1363' };
  }
  throw new XadesSigningError(`Unsupported key type: ${key.asymmetricKeyType ?? 'unknown'}`);
}

function assertKeyMatchesCertificate(key: KeyObject, certificateDer: Buffer): void {
  const certificateKey = new X509Certificate(certificateDer).publicKey.export({ type: 'spki', format: 'der' });
  const ownKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  if (!certificateKey.equals(ownKey)) throw new XadesSigningError('The private key does not match the certificate');
}

function sha256Base64(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('base64');
}

function canonicalize(node: Element): string {
  // xml-crypto types its API against the DOM lib; xmldom nodes are structurally what it walks.
  const canonicalizer = new ExclusiveCanonicalization();
  return canonicalizer.process(node as unknown as Parameters<ExclusiveCanonicalization['process']>[0], {});
}

function parse(xml: string): Document {
  const problems: string[] = [];
  let document: Document | undefined;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(xml, 'application/xml');
  } catch {
    // xmldom throws on fatal errors after reporting them through onError.
  }
  if (!document || problems.length > 0) throw new XadesSigningError(`Cannot sign malformed XML: ${problems[0] ?? 'unknown error'}`);
  return document;
}

function findById(root: Element, id: string): Element {
  const all = root.getElementsByTagNameNS('*', '*');
  for (let i = 0; i < all.length; i++) {
    const candidate = all.item(i);
    if (candidate?.getAttribute('Id') === id) return candidate;
  }
  throw new XadesSigningError(`Element with Id ${id} not found`);
}

function firstDescendant(root: Element, namespace: string, localName: string): Element {
  const found = root.getElementsByTagNameNS(namespace, localName).item(0);
  if (!found) throw new XadesSigningError(`${localName} not found`);
  return found;
}

function signatureSkeleton(method: SignatureMethod, documentDigest: string, certificateDer: Buffer, signingTime: Date): string {
  const ref = (attrs: string, transforms: string[], digest: string): string =>
    `<ds:Reference ${attrs}><ds:Transforms>` +
    transforms.map((uri) => `<ds:Transform Algorithm="${uri}"/>`).join('') +
    `</ds:Transforms><ds:DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference>`;
  const time = signingTime.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `<ds:Signature xmlns:ds="${XMLDSIG_NS}" Id="${SIGNATURE_ID}">` +
    `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${EXC_C14N}"/><ds:SignatureMethod Algorithm="${method.uri}"/>` +
    ref('URI=""', [ENVELOPED, EXC_C14N], documentDigest) +
    // Digest of SignedProperties is filled in once the element sits in the document.
    ref(`Type="${SIGNED_PROPERTIES_TYPE}" URI="#${SIGNED_PROPERTIES_ID}"`, [EXC_C14N], '') +
    `</ds:SignedInfo><ds:SignatureValue></ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateDer.toString('base64')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
    `<ds:Object><xades:QualifyingProperties xmlns:xades="${XADES_NS}" Target="#${SIGNATURE_ID}">` +
    `<xades:SignedProperties Id="${SIGNED_PROPERTIES_ID}"><xades:SignedSignatureProperties>` +
    `<xades:SigningTime>${time}</xades:SigningTime><xades:SigningCertificate><xades:Cert><xades:CertDigest>` +
    `<ds:DigestMethod Algorithm="${SHA256}"/><ds:DigestValue>${sha256Base64(certificateDer)}</ds:DigestValue>` +
    `</xades:CertDigest><xades:IssuerSerial><ds:X509IssuerName>${escapeText(issuerNameRfc2253(certificateDer))}</ds:X509IssuerName>` +
    `<ds:X509SerialNumber>${serialNumberDecimal(certificateDer)}</ds:X509SerialNumber></xades:IssuerSerial>` +
    `</xades:Cert></xades:SigningCertificate></xades:SignedSignatureProperties></xades:SignedProperties>` +
    `</xades:QualifyingProperties></ds:Object></ds:Signature>`
  );
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function setText(document: Document, element: Element, text: string): void {
  while (element.firstChild) element.removeChild(element.firstChild);
  element.appendChild(document.createTextNode(text));
}

export function signXadesEnveloped(
  xml: string,
  key: KeyObject,
  certificateDer: Buffer,
  options: XadesSignOptions = {},
): string {
  const method = signatureMethodFor(key);
  assertKeyMatchesCertificate(key, certificateDer);
  const document = parse(xml);
  const root = document.documentElement;
  if (!root) throw new XadesSigningError('Document has no root element');
  if (root.getElementsByTagNameNS(XMLDSIG_NS, 'Signature').length > 0) {
    throw new XadesSigningError('Document is already signed');
  }

  // Digest before the signature exists: identical to what the enveloped-signature transform yields.
  const documentDigest = sha256Base64(canonicalize(root));
  const signingTime = options.signingTime ?? new Date(Date.now() - DEFAULT_SIGNING_TIME_OFFSET_MS);
  const skeleton = parse(signatureSkeleton(method, documentDigest, certificateDer, signingTime)).documentElement;
  if (!skeleton) throw new XadesSigningError('Signature template is empty');
  const signature = document.importNode(skeleton, true);
  root.appendChild(signature);

  // Canonicalize in place so inherited namespaces are seen exactly as a verifier will see them.
  const signedProperties = findById(signature, SIGNED_PROPERTIES_ID);
  const references = signature.getElementsByTagNameNS(XMLDSIG_NS, 'Reference');
  const propertiesReference = references.item(1);
  if (!propertiesReference) throw new XadesSigningError('SignedProperties reference missing');
  setText(document, firstDescendant(propertiesReference, XMLDSIG_NS, 'DigestValue'), sha256Base64(canonicalize(signedProperties)));

  const signedInfo = firstDescendant(signature, XMLDSIG_NS, 'SignedInfo');
  const signatureValue = sign(method.hash, Buffer.from(canonicalize(signedInfo), 'utf8'), {
    key,
    ...(method.dsaEncoding ? { dsaEncoding: method.dsaEncoding } : {}),
  });
  setText(document, firstDescendant(signature, XMLDSIG_NS, 'SignatureValue'), signatureValue.toString('base64'));
  return new XMLSerializer().serializeToString(document);
}
