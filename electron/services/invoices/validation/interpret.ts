/** Turns xmllint's raw findings for one document into SchemaErrors with element paths and Polish messages. */
import { elementAtLine, outlineDocument, type DocumentOutline } from './element-paths';
import { polishParserMessage, polishSchemaMessage } from './messages-pl';
import type { SchemaError } from './types';
import type { RawFinding } from './xmllint-output';

const ELEMENT = /^Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '[^']*')?: /;
const EXPECTED = /Expected is (?:one of )?\( ([^)]*) \)/;

function stripNamespaces(text: string, namespaces: readonly string[]): string {
  let out = text;
  for (const namespace of namespaces) out = out.split(`{${namespace}}`).join('');
  return out;
}

function expectedNames(message: string): string[] {
  const match = EXPECTED.exec(message);
  if (!match) return [];
  return (match[1] ?? '')
    .split(',')
    .map((name) => name.trim().replace(/^\{[^}]*\}/, ''))
    .filter((name) => /^[\w.-]+$/.test(name));
}

export function interpretFindings(text: string, findings: readonly RawFinding[], namespacesToHide: readonly string[]): SchemaError[] {
  let outline: DocumentOutline | undefined;
  return findings.map((finding): SchemaError => {
    const message = stripNamespaces(finding.text, namespacesToHide);
    outline ??= outlineDocument(text);
    if (finding.kind === 'parser') {
      const near = elementAtLine(outline, finding.line)?.path ?? '';
      return { code: 'NOT_WELL_FORMED', line: finding.line, path: near, message, messagePl: polishParserMessage(message) };
    }
    const name = ELEMENT.exec(finding.text)?.[1];
    const element = elementAtLine(outline, finding.line, name);
    const path = element?.path ?? (name ? `/${name}` : '');
    const error: SchemaError = { code: 'SCHEMA', line: finding.line, path, message, messagePl: polishSchemaMessage(message, name ?? '') };
    const expected = expectedNames(finding.text);
    if (expected.length > 0) {
      // "Missing child" is reported on the parent; "not expected" on the sibling that stands where one is missing.
      const parent = /Missing child/.test(finding.text) ? path : path.slice(0, path.lastIndexOf('/'));
      error.expected = expected.map((child) => `${parent}/${child}`);
    }
    return error;
  });
}
