/**
 * The sandbox's schema check: the app's in-process FA(3) validator (libxml2 as WebAssembly, batched), reporting
 * 430 with one detail per error. The byte-level rules run earlier in the sandbox's own pipeline (validate.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createFa3Validator, XsdValidator, type SchemaReport, type SchemaSet } from '../../services/invoices/validation';
import { FA3_SCHEMA_FILE } from '../../services/invoices/validation/runtime-assets';

export type SchemaVerdict = { ok: true } | { ok: false; code: 430; details: string[] };

export interface Fa3SchemaValidator {
  /** Validates one document; calls made in the same tick share one xmllint run. */
  validate(xml: Buffer): Promise<SchemaVerdict>;
  /** Validates many documents; verdicts are returned in input order. */
  validateMany(xmls: readonly Buffer[]): Promise<SchemaVerdict[]>;
}

export function toVerdict(report: SchemaReport): SchemaVerdict {
  if (report.valid) return { ok: true };
  return {
    ok: false,
    code: 430,
    details: report.errors.map((error) => `${error.line !== null ? `Line ${error.line}: ` : ''}${error.path ? `${error.path}: ` : ''}${error.message}`),
  };
}

/**
 * FA(3) validator; `schemaDir` (a KSeF pack or a folder holding schemat_FA(3)_v1-0E.xsd) overrides the schema
 * the app ships.
 */
export function createFa3SchemaValidator(schemaDir?: string): Fa3SchemaValidator {
  if (schemaDir && !existsSync(join(schemaDir, FA3_SCHEMA_FILE)) && !existsSync(join(schemaDir, 'schemas', 'FA', FA3_SCHEMA_FILE))) {
    throw new Error(`No FA(3) schema in ${schemaDir} (expected ${FA3_SCHEMA_FILE} or schemas/FA/${FA3_SCHEMA_FILE})`);
  }
  const validator = createFa3Validator({ documentChecks: false, ...(schemaDir ? { schemaDir } : {}) });
  return {
    validate: async (xml) => toVerdict(await validator.validate(xml)),
    validateMany: async (xmls) => (await validator.validateMany(xmls)).map(toVerdict),
  };
}

/** Any other XSD set (the UPO schema in tests). */
export function createXsdSchemaValidator(schema: () => SchemaSet): Fa3SchemaValidator {
  const validator = new XsdValidator(schema);
  const texts = (xmls: readonly Buffer[]) => xmls.map((xml) => xml.toString('utf8'));
  return {
    validate: async (xml) => toVerdict(await validator.validate(xml.toString('utf8'))),
    validateMany: async (xmls) => (await validator.validateMany(texts(xmls))).map(toVerdict),
  };
}

/** A schema without imports (e.g. the UPO v4-3 XSD) as a SchemaSet. */
export function singleFileSchema(path: string): () => SchemaSet {
  return () => ({ mainFile: basename(path), files: [{ fileName: basename(path), contents: readFileSync(path) }], namespacesToHide: [] });
}
