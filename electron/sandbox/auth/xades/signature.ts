/**
 * Verifies one enveloped XMLDSig/XAdES signature: reference digests, the SignatureValue against the
 * certificate in KeyInfo, and the XAdES SigningCertificate binding. Returns the signer's DER.
 */
import { constants, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import type { Document, Element, Node } from '@xmldom/xmldom';
import {
  ACCEPTED_EC_CURVES,
  CANONICALIZATION_ALGORITHMS,
  DIGEST_ALGORITHMS,
  MIN_RSA_BITS,
  SIGNATURE_ALGORITHMS,
  XADES_NS,
  XMLDSIG_NS,
  type SignatureAlgorithm,
} from './algorithms';
import { canonicalize } from './c14n';
import { allElementChildren, childElements, decodeBase64, textOf } from './dom';
import { invalidSignature } from './errors';
import { inclusivePrefixList, verifyReferences } from './references';

function requireChild(parent: Element, localName: string, namespace = XMLDSIG_NS): Element {
  const child = childElements(parent, namespace, localName)[0];
  if (!child) throw invalidSignature(`${parent.localName} has no ${localName}`);
  return child;
}

function keyProblem(key: KeyObject, algorithm: SignatureAlgorithm): string | undefined {
  if (key.asymmetricKeyType !== algorithm.keyType) {
    return `certificate key type ${key.asymmetricKeyType ?? 'unknown'} does not match the SignatureMethod`;
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (algorithm.keyType === 'rsa' && (details.modulusLength ?? 0) < MIN_RSA_BITS) return `RSA key shorter than ${MIN_RSA_BITS} bits`;
  if (algorithm.keyType === 'ec' && !ACCEPTED_EC_CURVES.has(details.namedCurve ?? '')) return `EC curve ${details.namedCurve ?? 'unknown'} not accepted`;
  return undefined;
}

function signatureVerifies(key: KeyObject, algorithm: SignatureAlgorithm, data: Buffer, value: Buffer): boolean {
  try {
    if (algorithm.keyType === 'ec') return verify(algorithm.hash, data, { key, dsaEncoding: 'ieee-p1363' }, value);
    if (algorithm.pss) {
      return verify(algorithm.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, value);
    }
    return verify(algorithm.hash, data, key, value);
  } catch {
    return false;
  }
}

function keyInfoCertificates(signature: Element): Buffer[] {
  const keyInfo = childElements(signature, XMLDSIG_NS, 'KeyInfo')[0];
  if (!keyInfo) throw invalidSignature('KeyInfo with the signing certificate is required');
  const certificates: Buffer[] = [];
  for (const x509Data of childElements(keyInfo, XMLDSIG_NS, 'X509Data')) {
    for (const element of childElements(x509Data, XMLDSIG_NS, 'X509Certificate')) {
      const der = decodeBase64(textOf(element));
      if (!der) throw invalidSignature('X509Certificate is not Base64');
      certificates.push(der);
    }
  }
  if (certificates.length === 0) throw invalidSignature('KeyInfo carries no X509Certificate');
  return certificates;
}

/** Picks the KeyInfo certificate whose key verifies SignatureValue over canonical SignedInfo. */
function verifySignatureValue(signature: Element, signedInfo: Element): Buffer {
  const c14nUri = requireChild(signedInfo, 'CanonicalizationMethod').getAttribute('Algorithm') ?? '';
  const c14n = CANONICALIZATION_ALGORITHMS[c14nUri];
  if (!c14n) throw invalidSignature(`Unsupported CanonicalizationMethod ${c14nUri}`);
  const methodUri = requireChild(signedInfo, 'SignatureMethod').getAttribute('Algorithm') ?? '';
  const algorithm = SIGNATURE_ALGORITHMS[methodUri];
  if (!algorithm) throw invalidSignature(`Unsupported SignatureMethod ${methodUri}`);
  const signedOctets = Buffer.from(
    canonicalize(signedInfo, {
      ...c14n,
      inclusivePrefixes: inclusivePrefixList(requireChild(signedInfo, 'CanonicalizationMethod')),
    }),
    'utf8',
  );
  const value = decodeBase64(textOf(requireChild(signature, 'SignatureValue')));
  if (!value) throw invalidSignature('SignatureValue is empty or not Base64');

  const problems: string[] = [];
  for (const der of keyInfoCertificates(signature)) {
    let key: KeyObject;
    try {
      key = new X509Certificate(der).publicKey;
    } catch {
      problems.push('KeyInfo certificate cannot be parsed');
      continue;
    }
    const problem = keyProblem(key, algorithm);
    if (problem) problems.push(problem);
    else if (signatureVerifies(key, algorithm, signedOctets, value)) return der;
    else problems.push('SignatureValue does not verify with the KeyInfo certificate');
  }
  throw invalidSignature(problems.join('; '));
}

/** XAdES: SignedProperties must be signed, and SigningCertificate must name the actual signer. */
function verifyQualifyingProperties(signature: Element, signerDer: Buffer, covered: Node[]): void {
  const qualifying = childElements(signature, XMLDSIG_NS, 'Object').flatMap((object) => childElements(object, XADES_NS, 'QualifyingProperties'));
  const signedProperties = qualifying.flatMap((element) => childElements(element, XADES_NS, 'SignedProperties'));
  if (signedProperties.length === 0) return;
  if (qualifying.length > 1 || signedProperties.length > 1) throw invalidSignature('More than one XAdES QualifyingProperties/SignedProperties');
  const properties = signedProperties[0] as Element;
  const target = qualifying[0]?.getAttribute('Target');
  const signatureId = signature.getAttribute('Id');
  if (signatureId && target && target !== `#${signatureId}`) throw invalidSignature('QualifyingProperties Target does not point at this signature');
  if (!covered.includes(properties)) throw invalidSignature('XAdES SignedProperties is not covered by a signed Reference');

  const signatureProperties = childElements(properties, XADES_NS, 'SignedSignatureProperties')[0];
  const signingCertificates = signatureProperties
    ? [...childElements(signatureProperties, XADES_NS, 'SigningCertificate'), ...childElements(signatureProperties, XADES_NS, 'SigningCertificateV2')]
    : [];
  if (signingCertificates.length === 0) return;
  const certDigests = signingCertificates
    .flatMap((element) => childElements(element, XADES_NS, 'Cert'))
    .flatMap((cert) => childElements(cert, XADES_NS, 'CertDigest'));
  const matches = certDigests.some((certDigest) => {
    const hash = DIGEST_ALGORITHMS[childElements(certDigest, XMLDSIG_NS, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? ''];
    const digestElement = childElements(certDigest, XMLDSIG_NS, 'DigestValue')[0];
    const expected = digestElement && decodeBase64(textOf(digestElement));
    return hash !== undefined && expected !== undefined && createHash(hash).update(signerDer).digest().equals(expected);
  });
  if (!matches) throw invalidSignature('XAdES SigningCertificate CertDigest does not match the signing certificate');
}

export function verifyEnvelopedSignature(document: Document, signature: Element): Buffer {
  const [signedInfo, signatureValue] = allElementChildren(signature);
  if (signedInfo?.namespaceURI !== XMLDSIG_NS || signedInfo.localName !== 'SignedInfo' || signatureValue?.localName !== 'SignatureValue') {
    throw invalidSignature('ds:Signature must start with SignedInfo and SignatureValue');
  }
  const covered = verifyReferences(document, signature, signedInfo);
  const root = document.documentElement;
  // Enveloped means the signed data is the document the signature sits in.
  if (!covered.some((node) => node === document || node === root)) {
    throw invalidSignature('No Reference covers the AuthTokenRequest (detached signatures are not accepted)');
  }
  const signerDer = verifySignatureValue(signature, signedInfo);
  verifyQualifyingProperties(signature, signerDer, covered);
  return signerDer;
}
