/**
 * Server-side check of a signed KSeF AuthTokenRequest for the local sandbox: encoding, XML,
 * structure (auth XSD v2-1 equivalent), exactly one enveloped XAdES/XMLDSig signature that verifies.
 * Certificate trust, identity and permissions are the sandbox core's job, not this module's.
 */
import type { Element } from '@xmldom/xmldom';
import { XMLDSIG_NS } from './algorithms';
import { descendantElements } from './dom';
import { EXCEPTION_CODES, XadesVerificationError } from './errors';
import { readAuthTokenRequest } from './request-structure';
import { verifyEnvelopedSignature } from './signature';
import { decodeUtf8Body, parseXmlDocument } from './xml-input';

export { XadesVerificationError } from './errors';

export interface VerifiedAuthTokenRequest {
  namespace: '2.0' | '2.1';
  challenge: string;
  context: { type: 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId'; value: string };
  subjectIdentifierType: 'certificateSubject' | 'certificateFingerprint';
  allowedIps?: { ip4Addresses: string[]; ip4Ranges: string[]; ip4Masks: string[] };
  signerCertificateDer: Buffer;
}

export function verifyAuthTokenRequest(xml: Buffer): VerifiedAuthTokenRequest {
  const document = parseXmlDocument(decodeUtf8Body(xml));
  const request = readAuthTokenRequest(document.documentElement as Element);
  const signatures = descendantElements(document).filter(
    (element) => element.namespaceURI === XMLDSIG_NS && element.localName === 'Signature',
  );
  if (signatures.length === 0) {
    throw new XadesVerificationError(EXCEPTION_CODES.noSignature, 'The document is not signed', ['No ds:Signature element found']);
  }
  if (signatures.length > 1) {
    throw new XadesVerificationError(EXCEPTION_CODES.tooManySignatures, 'The document has more than one signature', [
      `Found ${signatures.length} ds:Signature elements, exactly one is allowed`,
    ]);
  }
  const signerCertificateDer = verifyEnvelopedSignature(document, signatures[0] as Element);
  return { ...request, signerCertificateDer };
}
