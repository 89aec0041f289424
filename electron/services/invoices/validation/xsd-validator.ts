/**
 * Batched XSD validation over the warm WebAssembly xmllint: every document of a batch (and every `validate`
 * call made in the same tick) goes into one xmllint run, so the schema is compiled once per run rather than
 * once per document. Large batches are cut into runs of bounded count and size.
 */
import { createHash } from 'node:crypto';
import { interpretFindings } from './interpret';
import type { SchemaReport } from './types';
import { WasmXmllint, type XmllintFile } from './wasm-xmllint';
import { splitXmllintOutput } from './xmllint-output';

export interface SchemaSet {
  /** File name of the main schema among `files`. */
  mainFile: string;
  /** The schema and everything it imports or includes, under the names its schemaLocations use. */
  files: XmllintFile[];
  /** Namespaces to drop from messages (`{ns}P_2` → `P_2`). */
  namespacesToHide: string[];
}

export interface XsdValidatorOptions {
  engine?: WasmXmllint;
  documentsPerRun?: number;
  bytesPerRun?: number;
  /** At most this many errors per document are kept. */
  maxErrorsPerDocument?: number;
  /** Reports of this many recent distinct documents are remembered (the same bytes are often checked twice:
   * before sending and by the sandbox, or on a resend). */
  cacheSize?: number;
}

const XSD_EXIT_SCHEMA_DID_NOT_COMPILE = 5;

let sharedEngine: WasmXmllint | undefined;
/** The process-wide engine (one worker thread). */
export function defaultEngine(): WasmXmllint {
  return (sharedEngine ??= new WasmXmllint());
}

export class XsdValidator {
  private schema: SchemaSet | undefined;
  private pending: Array<{ text: string; resolve: (report: SchemaReport) => void; reject: (error: unknown) => void }> = [];
  private readonly engine: WasmXmllint;
  private readonly documentsPerRun: number;
  private readonly bytesPerRun: number;
  private readonly maxErrors: number;
  private readonly cacheSize: number;
  private readonly cache = new Map<string, SchemaReport>();

  constructor(
    private readonly loadSchema: () => SchemaSet,
    options: XsdValidatorOptions = {},
  ) {
    this.engine = options.engine ?? defaultEngine();
    this.documentsPerRun = options.documentsPerRun ?? 1000;
    this.bytesPerRun = options.bytesPerRun ?? 64 * 1024 * 1024;
    this.maxErrors = options.maxErrorsPerDocument ?? 50;
    this.cacheSize = options.cacheSize ?? 1000;
  }

  /** One document; calls made together share one xmllint run. */
  validate(text: string): Promise<SchemaReport> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ text, resolve, reject });
    });
  }

  /** Many documents; reports come back in input order. */
  async validateMany(texts: readonly string[]): Promise<SchemaReport[]> {
    const keys = texts.map((text) => createHash('sha256').update(text).digest('base64'));
    const known = keys.map((key) => this.cache.get(key));
    const fresh = await this.validateUncached(texts.filter((_, index) => !known[index]));
    let next = 0;
    return texts.map((_, index) => {
      const cached = known[index];
      if (cached) return cached;
      const report = fresh[next++] ?? { valid: false, errors: [] };
      this.remember(keys[index] ?? '', report);
      return report;
    });
  }

  private remember(key: string, report: SchemaReport): void {
    if (this.cacheSize <= 0) return;
    this.cache.set(key, report);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value ?? '');
  }

  private async validateUncached(texts: readonly string[]): Promise<SchemaReport[]> {
    const reports: SchemaReport[] = [];
    let start = 0;
    while (start < texts.length) {
      let end = start;
      let bytes = 0;
      while (end < texts.length && end - start < this.documentsPerRun && (end === start || bytes + (texts[end]?.length ?? 0) <= this.bytesPerRun)) {
        bytes += texts[end]?.length ?? 0;
        end++;
      }
      reports.push(...(await this.run(texts.slice(start, end))));
      start = end;
    }
    return reports;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.validateMany(batch.map((entry) => entry.text)).then(
      (reports) => batch.forEach((entry, index) => entry.resolve(reports[index] ?? { valid: false, errors: [] })),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }

  private async run(texts: readonly string[]): Promise<SchemaReport[]> {
    this.schema ??= this.loadSchema();
    const schema = this.schema;
    const names = texts.map((_, index) => `${String(index + 1).padStart(6, '0')}.xml`);
    const files = [...schema.files, ...texts.map((contents, index) => ({ fileName: names[index] ?? '', contents }))];
    // No --nonet: the wasm build has no network, and it would refuse the http name the import is preloaded under.
    const result = await this.engine.run(files, ['--noout', '--schema', schema.mainFile, ...names]);
    if (result.exitCode === XSD_EXIT_SCHEMA_DID_NOT_COMPILE || result.exitCode < 0) {
      throw new Error(`XSD validation could not run (xmllint exit ${result.exitCode}): ${result.stderr.slice(0, 2000)}`);
    }
    return splitXmllintOutput(result.stderr, names).map((outcome, index) => {
      const errors = interpretFindings(texts[index] ?? '', outcome.findings.slice(0, this.maxErrors), schema.namespacesToHide);
      const valid = outcome.validates && errors.length === 0;
      if (!valid && errors.length === 0) {
        errors.push({ code: 'SCHEMA', line: null, path: '', message: 'The document failed XSD validation.', messagePl: 'Dokument nie spełnia wymagań schematu.' });
      }
      return { valid, errors };
    });
  }
}
