import forge from 'node-forge';
import { CredentialImportError } from '../errors';

type Asn1 = forge.asn1.Asn1;
export type { Asn1 };

const { Class, Type } = forge.asn1;

interface FromDerOptions {
  strict: boolean;
  decodeBitStrings: boolean;
  parseAllBytes: boolean;
}
// The typings only declare the boolean overload; forge 1.x accepts an options object.
const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteBuffer, options: FromDerOptions) => Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
  pbes2: '1.2.840.113549.1.5.13',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

/** Parses DER (or BER, as some Windows exports use indefinite lengths); malformed input → CORRUPT_FILE. */
export function parseAsn1(der: Buffer): Asn1 {
  try {
    return fromDer(forge.util.createBuffer(der.toString('binary')), {
      strict: true, // lenient mode silently accepts truncated files
      decodeBitStrings: false,
      parseAllBytes: true,
    });
  } catch (error) {
    throw new CredentialImportError('CORRUPT_FILE', 'The file is not valid DER/ASN.1.', { cause: error });
  }
}

export function asn1ToBuffer(node: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

export function childrenOf(node: Asn1 | undefined): Asn1[] {
  return node !== undefined && Array.isArray(node.value) ? node.value : [];
}

export function isUniversal(node: Asn1 | undefined, type: forge.asn1.Type): node is Asn1 {
  return node !== undefined && node.tagClass === Class.UNIVERSAL && node.type === type;
}

export function isContextTag(node: Asn1 | undefined, tag: number): node is Asn1 {
  return node !== undefined && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
}

export function oidOf(node: Asn1 | undefined): string | undefined {
  if (!isUniversal(node, Type.OID) || typeof node.value !== 'string') return undefined;
  return forge.asn1.derToOid(node.value);
}

/** Content octets of an OCTET STRING (or an implicitly tagged one), joining BER constructed segments. */
export function octetsOf(node: Asn1 | undefined): Buffer {
  if (node === undefined) throw new CredentialImportError('CORRUPT_FILE', 'Missing OCTET STRING.');
  if (typeof node.value === 'string') return Buffer.from(node.value, 'binary');
  return Buffer.concat(node.value.map((segment) => octetsOf(segment)));
}

export function integerOf(node: Asn1 | undefined): number | undefined {
  if (!isUniversal(node, Type.INTEGER) || typeof node.value !== 'string') return undefined;
  return node.value.length <= 4 ? forge.asn1.derToInteger(node.value) : undefined;
}

export type DerKind =
  | 'pkcs12'
  | 'certificate'
  | 'pkcs8'
  | 'pkcs1'
  | 'sec1'
  | 'encrypted-pkcs8'
  | 'pkcs7'
  | 'unknown';

/** Recognises a DER structure by its outline, without decrypting or fully validating it. */
export function classifyDer(der: Buffer): DerKind {
  const root = parseAsn1(der);
  if (!isUniversal(root, Type.SEQUENCE)) return 'unknown';
  const [first, second, third] = childrenOf(root);
  if (isUniversal(first, Type.INTEGER)) {
    const version = integerOf(first);
    if (version === 3 && isUniversal(second, Type.SEQUENCE)) return 'pkcs12';
    if (version === 0 && isUniversal(second, Type.INTEGER)) return 'pkcs1';
    if ((version === 0 || version === 1) && isUniversal(second, Type.SEQUENCE)) return 'pkcs8';
    if (version === 1 && isUniversal(second, Type.OCTETSTRING)) return 'sec1';
    return 'unknown';
  }
  if (isUniversal(first, Type.OID)) return 'pkcs7';
  if (isUniversal(first, Type.SEQUENCE)) {
    if (isUniversal(second, Type.SEQUENCE) && isUniversal(third, Type.BITSTRING)) return 'certificate';
    if (isUniversal(second, Type.OCTETSTRING) && third === undefined) return 'encrypted-pkcs8';
  }
  return 'unknown';
}
