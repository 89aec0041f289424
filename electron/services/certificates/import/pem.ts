/** A single `-----BEGIN X-----` … `-----END X-----` block. */
export interface PemBlock {
  label: string;
  /** The whole block, headers included (node needs them for legacy `Proc-Type: 4,ENCRYPTED` keys). */
  text: string;
  der: Buffer;
  encryptedLegacy: boolean;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/=\s]*$/;

export function looksLikePem(bytes: Buffer): boolean {
  return bytes.includes('-----BEGIN ');
}

/** Extracts PEM blocks; returns `undefined` for a block whose body is not Base64 (a corrupt file). */
export function readPemBlocks(bytes: Buffer): Array<PemBlock | undefined> {
  const text = bytes.toString('latin1');
  const blocks: Array<PemBlock | undefined> = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const [whole, label = '', inner = ''] = match;
    const lines = inner.split(/\r?\n/);
    const headerLines = lines.filter((line) => line.includes(':'));
    const body = lines.filter((line) => !line.includes(':')).join('');
    if (!BASE64_BODY.test(body) || body.trim() === '') {
      blocks.push(undefined);
      continue;
    }
    blocks.push({
      label,
      text: whole,
      der: Buffer.from(body, 'base64'),
      encryptedLegacy: headerLines.some((line) => /^Proc-Type:\s*4,ENCRYPTED/i.test(line.trim())),
    });
  }
  return blocks;
}
