/**
 * Byte-level checks KSeF applies before schema validation (PROTOCOL §8): UTF-8 without BOM, declared encoding,
 * no processing instructions, no discouraged code points, well-formedness, size limits.
 * Also the public entry point re-exporting the rest of the pipeline.
 */
import type { Document } from '@xmldom/xmldom';
import { fileVerificationError, type InvoiceRejection } from './rejection';
import { FA3_NAMESPACE } from './fa3-constants';
import { childElements, parseXmlStrict, processingInstructionTargets } from './xml-dom';

export { extractInvoiceFacts, extractFactsFromDocument } from './facts';
export { createFa3SchemaValidator, createXsdSchemaValidator } from './schema-validator';
export { processInvoice, processInvoices } from './process';
export type { InvoiceFacts } from './facts-types';
export type { Fa3SchemaValidator, SchemaVerdict } from './schema-validator';
export type { InvoiceRejection } from './rejection';

/** Invoice size limits in bytes (SI megabytes, per `GET /limits/context` defaults). */
export const MAX_INVOICE_BYTES = 1_000_000;
export const MAX_INVOICE_WITH_ATTACHMENT_BYTES = 3_000_000;

export interface InspectedInvoice {
  ok: true;
  document: Document;
  hasAttachment: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const XML_DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\4)?\s*\?>/;

export function checkInvoiceBytes(xml: Buffer): { ok: true } | InvoiceRejection {
  const inspected = inspectInvoiceBytes(xml);
  return inspected.ok ? { ok: true } : inspected;
}

/** Runs all byte-level checks and returns the parsed document so later stages need not parse again. */
export function inspectInvoiceBytes(xml: Buffer): InspectedInvoice | InvoiceRejection {
  if (xml.length === 0) return fileVerificationError('The invoice file is empty.');
  if (xml.length > MAX_INVOICE_WITH_ATTACHMENT_BYTES) return tooLarge(xml.length, MAX_INVOICE_WITH_ATTACHMENT_BYTES);
  if (UTF8_BOM.every((byte, index) => xml[index] === byte)) {
    return fileVerificationError('The invoice must be encoded in UTF-8 without a byte order mark (BOM).');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(xml);
  } catch {
    return fileVerificationError('The invoice is not valid UTF-8.');
  }
  const declarationProblem = checkXmlDeclaration(text);
  if (declarationProblem) return fileVerificationError(declarationProblem);
  const characterProblem = findForbiddenCharacter(text);
  if (characterProblem) return fileVerificationError(characterProblem);
  if (/<!DOCTYPE/i.test(text)) return fileVerificationError('Document type declarations (DTD) are not allowed.');

  let document: Document;
  try {
    document = parseXmlStrict(text);
  } catch (error) {
    return fileVerificationError(`The invoice is not well-formed XML: ${firstLine(error)}`);
  }
  const piTargets = processingInstructionTargets(document);
  const extraDeclarations = piTargets.filter((target) => target.toLowerCase() === 'xml').length - (text.startsWith('<?xml') ? 1 : 0);
  if (extraDeclarations > 0) return fileVerificationError('The XML declaration may appear only at the very start of the file.');
  const instructions = piTargets.filter((target) => target.toLowerCase() !== 'xml');
  if (instructions.length > 0) {
    return fileVerificationError(`Processing instructions are not allowed (found: ${instructions.join(', ')}).`);
  }

  const root = document.documentElement;
  const hasAttachment = root ? childElements(root, 'Zalacznik', FA3_NAMESPACE).length > 0 : false;
  if (!hasAttachment && xml.length > MAX_INVOICE_BYTES) return tooLarge(xml.length, MAX_INVOICE_BYTES);
  return { ok: true, document, hasAttachment };
}

function tooLarge(size: number, limit: number): InvoiceRejection {
  return fileVerificationError(`The invoice file is ${size} bytes; the limit is ${limit} bytes.`);
}

function checkXmlDeclaration(text: string): string | undefined {
  if (!/^<\?xml[\s?]/.test(text)) return undefined;
  const declaration = XML_DECLARATION.exec(text);
  if (!declaration) return 'The XML declaration is malformed.';
  const encoding = declaration[3];
  if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
    return `The XML declaration names encoding "${encoding}"; only UTF-8 is accepted.`;
  }
  return undefined;
}

/** First character that XML 1.0 forbids or KSeF rejects as discouraged (PROTOCOL §8), as a message. */
export function findForbiddenCharacter(text: string): string | undefined {
  let offset = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (!isXmlChar(codePoint)) return `Character U+${hex(codePoint)} at offset ${offset} is not allowed in XML 1.0.`;
    if (isDiscouraged(codePoint)) return `Discouraged character U+${hex(codePoint)} at offset ${offset} is not allowed.`;
    offset += character.length;
  }
  return undefined;
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function isDiscouraged(cp: number): boolean {
  if ((cp >= 0x7f && cp <= 0x84) || (cp >= 0x86 && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef)) return true;
  // The last two code points of every supplementary plane (#x1FFFE-#x1FFFF ... #x10FFFE-#x10FFFF).
  return cp >= 0x10000 && (cp & 0xfffe) === 0xfffe;
}

function hex(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, '0');
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
