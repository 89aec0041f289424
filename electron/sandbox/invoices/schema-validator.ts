/**
 * XSD validation through one `xmllint` process per chunk of files, because batch sessions carry up to 10 000
 * invoices and one process per invoice would be far too slow. Single `validate` calls made in the same tick are
 * coalesced into one batch.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FA3_NAMESPACE, FA3_SCHEMA_PATH_IN_PACK } from './fa3-constants';
import { XMLLINT_SCHEMA_COMPILE_FAILED, runXmllint } from './xmllint';

export type SchemaVerdict = { ok: true } | { ok: false; code: 430; details: string[] };

export interface Fa3SchemaValidator {
  /** Validates one document; calls made together are sent to xmllint as one batch. */
  validate(xml: Buffer): Promise<SchemaVerdict>;
  /** Validates many documents; verdicts are returned in input order. */
  validateMany(xmls: readonly Buffer[]): Promise<SchemaVerdict[]>;
}

export interface XsdValidatorOptions {
  schemaPath: string;
  /** OASIS catalog mapping remote schema imports to local files (passed as XML_CATALOG_FILES). */
  catalogPath?: string;
  xmllintPath?: string;
  /** Files per xmllint process (keeps argument lists and memory bounded). */
  filesPerProcess?: number;
  /** xmllint processes running at once. */
  parallelProcesses?: number;
  /** Namespace prefixes to drop from messages, e.g. `{http://…}P_2` → `P_2`. */
  namespacesToHide?: string[];
}

const MAX_DETAILS_PER_FILE = 20;

/** FA(3) validator over the reference pack (`<packDir>/catalog.xml`, `<packDir>/schemas/FA/…`). */
export function createFa3SchemaValidator(packDir: string, options: Partial<XsdValidatorOptions> = {}): Fa3SchemaValidator {
  return createXsdValidator({
    schemaPath: join(packDir, ...FA3_SCHEMA_PATH_IN_PACK),
    catalogPath: join(packDir, 'catalog.xml'),
    namespacesToHide: [FA3_NAMESPACE],
    ...options,
  });
}

export function createXsdValidator(options: XsdValidatorOptions): Fa3SchemaValidator {
  const filesPerProcess = options.filesPerProcess ?? 500;
  const parallelProcesses = options.parallelProcesses ?? 4;
  let pending: Array<{ xml: Buffer; resolve: (verdict: SchemaVerdict) => void; reject: (error: unknown) => void }> = [];

  async function validateMany(xmls: readonly Buffer[]): Promise<SchemaVerdict[]> {
    const chunks: Array<readonly Buffer[]> = [];
    for (let start = 0; start < xmls.length; start += filesPerProcess) chunks.push(xmls.slice(start, start + filesPerProcess));
    const results: SchemaVerdict[][] = new Array(chunks.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        const index = next++;
        results[index] = await validateChunk(chunks[index] ?? [], options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallelProcesses, chunks.length) }, worker));
    return results.flat();
  }

  function flush(): void {
    const batch = pending;
    pending = [];
    validateMany(batch.map((entry) => entry.xml)).then(
      (verdicts) => batch.forEach((entry, index) => entry.resolve(verdicts[index] ?? unknownFailure())),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }

  return {
    validateMany,
    validate(xml) {
      return new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ xml, resolve, reject });
      });
    },
  };
}

async function validateChunk(xmls: readonly Buffer[], options: XsdValidatorOptions): Promise<SchemaVerdict[]> {
  if (xmls.length === 0) return [];
  const workDir = await mkdtemp(join(tmpdir(), 'ksef-xsd-'));
  try {
    const fileNames = xmls.map((_, index) => `${String(index + 1).padStart(6, '0')}.xml`);
    await Promise.all(xmls.map((xml, index) => writeFile(join(workDir, fileNames[index] ?? ''), xml)));
    // XML_CATALOG_FILES is a space-separated list, so pass a file URL (spaces become %20).
    const catalog = options.catalogPath ? { XML_CATALOG_FILES: pathToFileURL(options.catalogPath).href } : {};
    const env = { ...process.env, ...catalog };
    const run = await runXmllint(['--nonet', '--noout', '--schema', options.schemaPath, ...fileNames], {
      cwd: workDir,
      env,
      ...(options.xmllintPath ? { xmllintPath: options.xmllintPath } : {}),
    });
    if (run.exitCode === XMLLINT_SCHEMA_COMPILE_FAILED) {
      throw new Error(`The schema ${options.schemaPath} could not be compiled:\n${run.output.slice(0, 2000)}`);
    }
    return parseXmllintOutput(run.output, fileNames, options.namespacesToHide ?? []);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Maps xmllint's interleaved output (`<file>:<line>: … error : msg`, `<file> validates`) back to each file. */
export function parseXmllintOutput(output: string, fileNames: readonly string[], namespacesToHide: readonly string[]): SchemaVerdict[] {
  const indexByName = new Map(fileNames.map((name, index) => [name, index]));
  const valid = new Set<number>();
  const details: string[][] = fileNames.map(() => []);
  for (const line of output.split('\n')) {
    const verdict = /^(\S+) validates$/.exec(line);
    if (verdict) {
      const index = indexByName.get(verdict[1] ?? '');
      if (index !== undefined) valid.add(index);
      continue;
    }
    const error = /^(\S+?):(\d+): (.*)$/.exec(line);
    const index = error ? indexByName.get(error[1] ?? '') : undefined;
    if (error && index !== undefined) {
      const list = details[index];
      if (list && list.length < MAX_DETAILS_PER_FILE) list.push(readableMessage(error[2] ?? '', error[3] ?? '', namespacesToHide));
    }
  }
  return fileNames.map((_, index) => {
    if (valid.has(index)) return { ok: true };
    const list = details[index] ?? [];
    return { ok: false, code: 430, details: list.length > 0 ? list : ['The document failed XSD validation.'] };
  });
}

function readableMessage(line: string, raw: string, namespacesToHide: readonly string[]): string {
  let message = raw.replace(/^(?:element|attribute) [^:]+: /, '').replace(/^Schemas validity error : /, '');
  message = message.replace(/^parser error : /, 'XML parser error: ');
  for (const namespace of namespacesToHide) message = message.split(`{${namespace}}`).join('');
  return `Line ${line}: ${message}`;
}

function unknownFailure(): SchemaVerdict {
  return { ok: false, code: 430, details: ['The document could not be validated.'] };
}
