/**
 * Algorithm URIs accepted by KSeF for XAdES authentication (PROTOCOL §4.2), mapped to Node names.
 */
import type { C14nFlavour } from './c14n';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const XPATH_FILTER = 'http://www.w3.org/TR/1999/REC-xpath-19991116';
export const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';

export const DIGEST_ALGORITHMS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-256': 'sha3-256',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-384': 'sha3-384',
  'http://www.w3.org/2007/05/xmldsig-more#sha3-512': 'sha3-512',
};

export interface SignatureAlgorithm {
  hash: string;
  keyType: 'rsa' | 'ec';
  /** RSASSA-PSS with MGF1 over the same hash (RFC 6931 §2.3.10). */
  pss?: true;
}

const rsa = (hash: string): SignatureAlgorithm => ({ hash, keyType: 'rsa' });
const pss = (hash: string): SignatureAlgorithm => ({ hash, keyType: 'rsa', pss: true });
const ecdsa = (hash: string): SignatureAlgorithm => ({ hash, keyType: 'ec' });

export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithm>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': rsa('sha1'),
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': rsa('sha256'),
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': rsa('sha384'),
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': rsa('sha512'),
  'http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1': pss('sha1'),
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': pss('sha256'),
  'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1': pss('sha384'),
  'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1': pss('sha512'),
  'http://www.w3.org/2007/05/xmldsig-more#sha3-256-rsa-MGF1': pss('sha3-256'),
  'http://www.w3.org/2007/05/xmldsig-more#sha3-384-rsa-MGF1': pss('sha3-384'),
  'http://www.w3.org/2007/05/xmldsig-more#sha3-512-rsa-MGF1': pss('sha3-512'),
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': ecdsa('sha1'),
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': ecdsa('sha256'),
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': ecdsa('sha384'),
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': ecdsa('sha512'),
  'http://www.w3.org/2021/04/xmldsig-more#ecdsa-sha3-256': ecdsa('sha3-256'),
  'http://www.w3.org/2021/04/xmldsig-more#ecdsa-sha3-384': ecdsa('sha3-384'),
  'http://www.w3.org/2021/04/xmldsig-more#ecdsa-sha3-512': ecdsa('sha3-512'),
};

export interface CanonicalizationAlgorithm {
  flavour: C14nFlavour;
  withComments: boolean;
}

export const CANONICALIZATION_ALGORITHMS: Readonly<Record<string, CanonicalizationAlgorithm>> = {
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315': { flavour: 'c14n10', withComments: false },
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': { flavour: 'c14n10', withComments: true },
  'http://www.w3.org/2006/12/xml-c14n11': { flavour: 'c14n11', withComments: false },
  'http://www.w3.org/2006/12/xml-c14n11#WithComments': { flavour: 'c14n11', withComments: true },
  'http://www.w3.org/2001/10/xml-exc-c14n#': { flavour: 'exclusive', withComments: false },
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': { flavour: 'exclusive', withComments: true },
};

/** Smallest key sizes KSeF accepts: RSA 2048 bit, EC curves of at least 256 bit. */
export const MIN_RSA_BITS = 2048;
export const ACCEPTED_EC_CURVES = new Set([
  'prime256v1',
  'secp384r1',
  'secp521r1',
  'brainpoolP256r1',
  'brainpoolP384r1',
  'brainpoolP512r1',
]);
