import { createHmac, timingSafeEqual } from 'node:crypto';
import forge from 'node-forge';
import { CredentialImportError } from '../errors';
import { asn1ToBuffer, childrenOf, integerOf, isContextTag, oidOf, octetsOf, OID, parseAsn1, type Asn1 } from './asn1';

/**
 * PKCS#12 reader. forge's own pkcs12FromAsn1 feeds the password to PBKDF2 as Latin-1, which breaks
 * non-ASCII passwords (common with Polish users) in modern AES files, so we walk the structure ourselves
 * and use forge only for the PBE ciphers (3DES, RC2-40 and PBES2/AES), keys go to node's createPrivateKey.
 */

export interface Pkcs12Contents {
  certificatesDer: Buffer[];
  /** Unencrypted PrivateKeyInfo DER of each key bag; the caller must zero these. */
  privateKeysPkcs8Der: Buffer[];
}

/** `null` is the absent password (no bytes), `''` the empty one (a BMP terminator): tools use both. */
type Pkcs12Password = string | null;

interface PbeCipher {
  update(input: forge.util.ByteStringBuffer): void;
  finish(): boolean;
  output: forge.util.ByteStringBuffer;
}
interface ForgePbe {
  getCipher(oid: string, params: Asn1, password: Pkcs12Password): PbeCipher;
}
// pki.pbe exists at run time but is missing from @types/node-forge.
const pbe = (forge.pki as unknown as { pbe: ForgePbe }).pbe;

const MAC_DIGESTS: Record<string, { node: string; forge: () => forge.md.MessageDigest; length: number }> = {
  '1.3.14.3.2.26': { node: 'sha1', forge: () => forge.md.sha1.create(), length: 20 },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', forge: () => forge.md.sha256.create(), length: 32 },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', forge: () => forge.md.sha384.create(), length: 48 },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', forge: () => forge.md.sha512.create(), length: 64 },
};

function corrupt(message: string): CredentialImportError {
  return new CredentialImportError('CORRUPT_FILE', message);
}

function passwordRejected(password: string | undefined): CredentialImportError {
  return password === undefined
    ? new CredentialImportError('PASSWORD_REQUIRED', 'This PKCS#12 file is protected by a password.')
    : new CredentialImportError('WRONG_PASSWORD', 'The password does not open this PKCS#12 file.');
}

function verifyMac(macData: Asn1, authSafeBytes: Buffer, password: Pkcs12Password): boolean {
  const [digestInfo, saltNode, iterationsNode] = childrenOf(macData);
  const [algorithm, expectedNode] = childrenOf(digestInfo);
  const digestOid = oidOf(childrenOf(algorithm)[0]);
  const digest = digestOid === undefined ? undefined : MAC_DIGESTS[digestOid];
  if (digest === undefined) throw new CredentialImportError('UNSUPPORTED_FORMAT', `Unsupported PKCS#12 MAC ${digestOid ?? '?'}.`);
  const iterations = iterationsNode === undefined ? 1 : integerOf(iterationsNode);
  if (iterations === undefined || iterations < 1) throw corrupt('Invalid PKCS#12 MAC iteration count.');
  const salt = forge.util.createBuffer(octetsOf(saltNode).toString('binary'));
  const macKey = forge.pkcs12.generateKey(password, salt, 3, iterations, digest.length, digest.forge());
  const macKeyBytes = Buffer.from(macKey.getBytes(), 'binary');
  const actual = createHmac(digest.node, macKeyBytes).update(authSafeBytes).digest();
  macKeyBytes.fill(0);
  const expected = octetsOf(expectedNode);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Decrypts with a PKCS#5/PKCS#12 password-based scheme; `null` when the padding shows a wrong password. */
function decryptPbe(algorithm: Asn1 | undefined, encrypted: Buffer, password: Pkcs12Password): Buffer | null {
  const [oidNode, params] = childrenOf(algorithm);
  const oid = oidOf(oidNode);
  if (oid === undefined || params === undefined) throw corrupt('Missing encryption algorithm.');
  // PBES2 derives from the UTF-8 bytes; the PKCS#12 KDF (3DES/RC2) from the BMP string forge builds itself.
  const cipherPassword = oid === OID.pbes2 ? forge.util.encodeUtf8(password ?? '') : password;
  let cipher: PbeCipher;
  try {
    cipher = pbe.getCipher(oid, params, cipherPassword);
  } catch (error) {
    throw new CredentialImportError('UNSUPPORTED_FORMAT', `Unsupported PKCS#12 encryption ${oid}.`, { cause: error });
  }
  cipher.update(forge.util.createBuffer(encrypted.toString('binary')));
  if (!cipher.finish()) return null;
  return Buffer.from(cipher.output.getBytes(), 'binary');
}

function decryptOrReject(algorithm: Asn1 | undefined, encrypted: Buffer, password: Pkcs12Password, given: string | undefined): Buffer {
  const plain = decryptPbe(algorithm, encrypted, password);
  if (plain === null) throw passwordRejected(given);
  return plain;
}

interface WalkContext {
  password: Pkcs12Password;
  given: string | undefined;
  contents: Pkcs12Contents;
}

function readSafeContents(safeContentsDer: Buffer, context: WalkContext): void {
  for (const bag of childrenOf(parseAsn1(safeContentsDer))) {
    const [bagIdNode, wrappedValue] = childrenOf(bag);
    const bagValue = isContextTag(wrappedValue, 0) ? childrenOf(wrappedValue)[0] : undefined;
    if (bagValue === undefined) throw corrupt('PKCS#12 bag without a value.');
    switch (oidOf(bagIdNode)) {
      case OID.keyBag:
        context.contents.privateKeysPkcs8Der.push(asn1ToBuffer(bagValue));
        break;
      case OID.pkcs8ShroudedKeyBag: {
        const [algorithm, encryptedKey] = childrenOf(bagValue);
        context.contents.privateKeysPkcs8Der.push(decryptOrReject(algorithm, octetsOf(encryptedKey), context.password, context.given));
        break;
      }
      case OID.certBag: {
        const [certTypeNode, certValue] = childrenOf(bagValue);
        if (oidOf(certTypeNode) === OID.x509Certificate && isContextTag(certValue, 0)) {
          context.contents.certificatesDer.push(octetsOf(childrenOf(certValue)[0]));
        }
        break;
      }
      case OID.safeContentsBag:
        readSafeContents(asn1ToBuffer(bagValue), context);
        break;
      default:
        break; // CRLs and secrets are irrelevant for signing
    }
  }
}

function readContentInfo(contentInfo: Asn1, context: WalkContext): void {
  const [typeNode, wrappedContent] = childrenOf(contentInfo);
  const content = isContextTag(wrappedContent, 0) ? childrenOf(wrappedContent)[0] : undefined;
  switch (oidOf(typeNode)) {
    case OID.data:
      readSafeContents(octetsOf(content), context);
      return;
    case OID.encryptedData: {
      const [, encryptedContentInfo] = childrenOf(content);
      const [, algorithm, encryptedContent] = childrenOf(encryptedContentInfo);
      if (!isContextTag(encryptedContent, 0)) throw corrupt('PKCS#12 encrypted data without content.');
      const safeContents = decryptOrReject(algorithm, octetsOf(encryptedContent), context.password, context.given);
      readSafeContents(safeContents, context);
      return;
    }
    default:
      throw new CredentialImportError('UNSUPPORTED_FORMAT', 'PKCS#12 with public-key privacy mode is not supported.');
  }
}

function authSafeBytesOf(pfx: Asn1): Buffer {
  const [, authSafe] = childrenOf(pfx);
  const [typeNode, wrappedContent] = childrenOf(authSafe);
  if (oidOf(typeNode) !== OID.data || !isContextTag(wrappedContent, 0)) {
    throw new CredentialImportError('UNSUPPORTED_FORMAT', 'Only password-integrity PKCS#12 files are supported.');
  }
  return octetsOf(childrenOf(wrappedContent)[0]);
}

function choosePassword(macData: Asn1 | undefined, authSafeBytes: Buffer, given: string | undefined): Pkcs12Password {
  // A password typed for a password-less file is harmless, so the empty variants are always tried too.
  const candidates: Pkcs12Password[] = given === undefined || given === '' ? ['', null] : [given, '', null];
  if (macData === undefined) return candidates[0] ?? null;
  const verified = candidates.find((candidate) => verifyMac(macData, authSafeBytes, candidate));
  if (verified === undefined) throw passwordRejected(given);
  return verified;
}

export function parsePkcs12(der: Buffer, password?: string): Pkcs12Contents {
  const pfx = parseAsn1(der);
  const authSafeBytes = authSafeBytesOf(pfx);
  const macData = childrenOf(pfx)[2];
  const context: WalkContext = {
    password: choosePassword(macData, authSafeBytes, password),
    given: password,
    contents: { certificatesDer: [], privateKeysPkcs8Der: [] },
  };
  try {
    for (const contentInfo of childrenOf(parseAsn1(authSafeBytes))) readContentInfo(contentInfo, context);
  } catch (error) {
    for (const key of context.contents.privateKeysPkcs8Der) key.fill(0);
    if (error instanceof CredentialImportError) throw error;
    throw new CredentialImportError('CORRUPT_FILE', 'The PKCS#12 contents could not be read.', { cause: error });
  }
  return context.contents;
}
