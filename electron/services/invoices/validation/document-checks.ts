/**
 * Rules KSeF applies to the bytes before the XSD (PROTOCOL §8): UTF-8 without BOM and no other declared
 * encoding, no processing instructions, no characters XML 1.0 forbids or KSeF rejects as discouraged,
 * no DOCTYPE, at most 1 MB (3 MB when the invoice carries a Zalacznik).
 */
import type { DocumentOutline } from './element-paths';
import type { SchemaError, SchemaErrorCode } from './types';

export const MAX_INVOICE_BYTES = 1_000_000;
export const MAX_INVOICE_WITH_ATTACHMENT_BYTES = 3_000_000;

export interface DecodedDocument {
  /** Text for the XSD pass; undefined when the bytes are not UTF-8 (the XSD pass is then skipped). */
  text: string | undefined;
  errors: SchemaError[];
}

function error(code: SchemaErrorCode, line: number | null, message: string, messagePl: string, path = ''): SchemaError {
  return { code, line, path, message, messagePl };
}

/** Byte checks that need no parse: emptiness, BOM, UTF-8, the declared encoding. */
export function decodeDocument(xml: Buffer): DecodedDocument {
  if (xml.length === 0) return { text: undefined, errors: [error('EMPTY', null, 'The file is empty.', 'Plik jest pusty.')] };
  const errors: SchemaError[] = [];
  if (xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf) {
    errors.push(error('BOM', 1, 'The document must be UTF-8 without a byte order mark (BOM).', 'Plik musi być zapisany w UTF-8 bez znacznika BOM.'));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(xml);
  } catch {
    errors.push(error('NOT_UTF8', null, 'The document is not valid UTF-8.', 'Plik nie jest zapisany w kodowaniu UTF-8.'));
    return { text: undefined, errors };
  }
  const encoding = /^(?:\uFEFF)?<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (encoding && encoding.toLowerCase() !== 'utf-8') {
    errors.push(error('ENCODING_DECLARATION', 1, `The XML declaration names encoding "${encoding}"; only UTF-8 is accepted.`, `Deklaracja XML podaje kodowanie „${encoding}”; dozwolone jest tylko UTF-8.`));
  }
  return { text, errors };
}

/** Checks that use the outline: processing instructions, DOCTYPE, characters, size (with or without Zalacznik). */
export function checkDocumentContent(text: string, byteLength: number, outline: DocumentOutline): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const instruction of outline.processingInstructions) {
    errors.push(error('PROCESSING_INSTRUCTION', instruction.line, `Processing instructions are not allowed (<?${instruction.target} …?>).`, `Instrukcje przetwarzania (<?${instruction.target} …?>) są niedozwolone.`));
  }
  if (outline.doctypeLine !== null) {
    errors.push(error('DOCTYPE', outline.doctypeLine, 'Document type declarations (DOCTYPE) are not allowed.', 'Deklaracja DOCTYPE jest niedozwolona.'));
  }
  const forbidden = findForbiddenCharacter(text);
  if (forbidden) {
    const code = `U+${forbidden.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    errors.push(error('FORBIDDEN_CHARACTER', forbidden.line, `Character ${code} is not allowed.`, `Znak ${code} jest niedozwolony.`));
  }
  const hasAttachment = outline.elements.some((element) => element.path === '/Faktura/Zalacznik');
  const limit = hasAttachment ? MAX_INVOICE_WITH_ATTACHMENT_BYTES : MAX_INVOICE_BYTES;
  if (byteLength > limit) {
    errors.push(error('TOO_LARGE', null, `The document has ${byteLength} bytes; the limit is ${limit}.`, `Plik ma ${byteLength} bajtów; limit to ${limit} (${hasAttachment ? 'z załącznikiem' : 'bez załącznika'}).`));
  }
  return errors;
}

/** First character XML 1.0 forbids or KSeF rejects as discouraged, with its line. */
export function findForbiddenCharacter(text: string): { codePoint: number; line: number } | undefined {
  let line = 1;
  for (const character of text) {
    const cp = character.codePointAt(0) ?? 0;
    if (cp === 0x0a) line++;
    if (!isXmlChar(cp) || isDiscouraged(cp)) return { codePoint: cp, line };
  }
  return undefined;
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function isDiscouraged(cp: number): boolean {
  if ((cp >= 0x7f && cp <= 0x84) || (cp >= 0x86 && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef)) return true;
  return cp >= 0x10000 && (cp & 0xfffe) === 0xfffe;
}
