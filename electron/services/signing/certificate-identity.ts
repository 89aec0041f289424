/**
 * The two certificate facts XAdES `IssuerSerial` needs: the issuer DN as an RFC 2253 string and the
 * serial number in decimal. Read straight from the DER so RSA and EC certificates work alike.
 */

interface DerElement {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

function readElement(der: Buffer, offset: number): DerElement {
  const tag = der[offset];
  let lengthByte = der[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error('Truncated DER');
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const octets = lengthByte & 0x7f;
    if (octets === 0 || octets > 4) throw new Error('Unsupported DER length');
    length = 0;
    for (let i = 0; i < octets; i++) {
      lengthByte = der[cursor++];
      if (lengthByte === undefined) throw new Error('Truncated DER');
      length = length * 256 + lengthByte;
    }
  }
  const end = cursor + length;
  if (end > der.length) throw new Error('Truncated DER');
  return { tag, start: offset, contentStart: cursor, end };
}

function children(der: Buffer, parent: DerElement): DerElement[] {
  const result: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end; ) {
    const child = readElement(der, offset);
    result.push(child);
    offset = child.end;
  }
  return result;
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

// The RFC 2253 keyword table; anything else is written as OID=#hex, as Java's X500Principal does.
const RFC2253_KEYWORDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14]);

function escapeRfc2253(value: string): string {
  return value
    .replace(/([,+"\\<>;=])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

function formatAttribute(der: Buffer, attribute: DerElement): string {
  const [typeElement, valueElement] = children(der, attribute);
  if (!typeElement || !valueElement) throw new Error('Malformed AttributeTypeAndValue');
  const oid = decodeOid(der.subarray(typeElement.contentStart, typeElement.end));
  const keyword = RFC2253_KEYWORDS[oid];
  if (keyword && STRING_TAGS.has(valueElement.tag)) {
    return `${keyword}=${escapeRfc2253(der.subarray(valueElement.contentStart, valueElement.end).toString('utf8'))}`;
  }
  return `${oid}=#${der.subarray(valueElement.start, valueElement.end).toString('hex')}`;
}

function tbsFields(certificateDer: Buffer): DerElement[] {
  const certificate = readElement(certificateDer, 0);
  const [tbs] = children(certificateDer, certificate);
  if (!tbs) throw new Error('Malformed certificate');
  const fields = children(certificateDer, tbs);
  // Skip the optional explicit [0] version so index 0 is the serial number.
  return fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
}

/** Issuer DN, most specific RDN first (RFC 2253 order is the reverse of the DER order). */
export function issuerNameRfc2253(certificateDer: Buffer): string {
  const issuer = tbsFields(certificateDer)[2];
  if (!issuer) throw new Error('Certificate has no issuer');
  return children(certificateDer, issuer)
    .reverse()
    .map((rdn) =>
      children(certificateDer, rdn)
        .map((attribute) => formatAttribute(certificateDer, attribute))
        .join('+'),
    )
    .join(',');
}

export function serialNumberDecimal(certificateDer: Buffer): string {
  const serial = tbsFields(certificateDer)[0];
  if (!serial || serial.tag !== 0x02) throw new Error('Certificate has no serial number');
  const hex = certificateDer.subarray(serial.contentStart, serial.end).toString('hex');
  return BigInt(`0x${hex || '0'}`).toString(10);
}
