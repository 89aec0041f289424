/**
 * Turns the request body into a DOM, with the encoding and well-formedness rejections KSeF uses.
 */
import { DOMParser, type Document } from '@xmldom/xmldom';
import { EXCEPTION_CODES, XadesVerificationError } from './errors';

// PROTOCOL §8 asks for UTF-8 *without* BOM; we apply the same rule to the auth document.
const REJECT_UTF8_BOM = true;
const NODE_PROCESSING_INSTRUCTION = 7;
const NODE_DOCUMENT_TYPE = 10;

function encodingError(detail: string): XadesVerificationError {
  return new XadesVerificationError(EXCEPTION_CODES.invalidEncoding, 'Invalid character encoding', [detail]);
}

function invalidDocument(detail: string): XadesVerificationError {
  return new XadesVerificationError(EXCEPTION_CODES.invalidDocument, 'Invalid document', [detail]);
}

export function decodeUtf8Body(body: Buffer): string {
  if (body.length === 0) {
    throw new XadesVerificationError(EXCEPTION_CODES.unreadableContent, 'Unreadable content', ['The request body is empty']);
  }
  const [b0, b1, b2] = body;
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0xff && b1 === 0xfe) || b0 === 0x00) {
    throw encodingError('The document is not UTF-8 (UTF-16/32 byte order mark or NUL byte)');
  }
  const hasUtf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  if (hasUtf8Bom && REJECT_UTF8_BOM) throw encodingError('UTF-8 byte order mark is not allowed');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw encodingError('The document is not valid UTF-8');
  }
  const declaredEncoding = /^\s*<\?xml\s[^?]*encoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declaredEncoding !== undefined && declaredEncoding.toLowerCase() !== 'utf-8') {
    throw encodingError(`The XML declaration names encoding "${declaredEncoding}", only UTF-8 is accepted`);
  }
  return text;
}

export function parseXmlDocument(text: string): Document {
  if (!text.trimStart().startsWith('<')) {
    throw new XadesVerificationError(EXCEPTION_CODES.unreadableContent, 'Unreadable content', ['The request body is not XML']);
  }
  // No DTDs: nothing legitimate needs them and they open entity-expansion attacks.
  if (/<!DOCTYPE/i.test(text)) throw invalidDocument('DOCTYPE declarations are not allowed');
  const problems: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(String(message).split('\n')[0] ?? String(message));
      },
    }).parseFromString(text, 'application/xml');
  } catch (error) {
    throw invalidDocument(problems[0] ?? (error instanceof Error ? error.message.split('\n')[0] ?? 'malformed XML' : 'malformed XML'));
  }
  if (problems.length > 0 || !document.documentElement) throw invalidDocument(problems[0] ?? 'The document has no root element');
  for (let child = document.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === NODE_DOCUMENT_TYPE) throw invalidDocument('DOCTYPE declarations are not allowed');
  }
  const stack = [...Array.from(document.childNodes)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.nodeType === NODE_PROCESSING_INSTRUCTION && node.nodeName !== 'xml') {
      throw invalidDocument('Processing instructions are not allowed');
    }
    stack.push(...Array.from(node.childNodes));
  }
  return document;
}
