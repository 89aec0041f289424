import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { KSEF_PACK_MISSING, ksefPackDir } from './ksef-pack';

/**
 * Checks of requests and responses against the official OpenAPI spec (the pack's open-api.json). The helpers
 * that talk to the sandbox check every exchange with them; without the pack (a bare clone) the checks are off,
 * said once, and the behaviour the tests assert still runs. Tests about the spec itself import ./openapi, which
 * skips them instead.
 */
let noted = false;
function specAbsent(): boolean {
  if (ksefPackDir()) return false;
  if (!noted) {
    noted = true;
    console.warn(`[note] OpenAPI contract checks are off in this run: ${KSEF_PACK_MISSING}`);
  }
  return true;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonObject }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonObject }> }>;
}

const SPEC_ID = 'ksef-openapi';

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes `anyOf [.., null]`; local refs point into the registered spec. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${SPEC_ID}${value}`;
    else out[key] = toJsonSchema(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

interface LoadedSpec {
  ajv: Ajv;
  paths: Record<string, Record<string, OpenApiOperation>>;
  cache: Map<string, ValidateFunction>;
}

let loaded: LoadedSpec | undefined;

function spec(): LoadedSpec {
  if (loaded) return loaded;
  const dir = ksefPackDir();
  if (!dir) throw new Error('KSeF reference pack not found: set KSEF_SCHEMA_DIR or place it at ../shared/ksef');
  const document = JSON.parse(readFileSync(join(dir, 'openapi', 'open-api.json'), 'utf8')) as JsonObject;
  // The spec's patterns are .NET regexes (e.g. `\ ` in certificateName) that unicode-mode RegExp refuses.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, unicodeRegExp: false });
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: SPEC_ID, components: toJsonSchema(document.components ?? {}) } as object);
  loaded = { ajv, paths: document.paths as unknown as LoadedSpec['paths'], cache: new Map() };
  return loaded;
}

function operation(method: string, pathTemplate: string): OpenApiOperation {
  const op = spec().paths[pathTemplate]?.[method.toLowerCase()];
  if (!op) throw new Error(`spec has no operation ${method.toUpperCase()} ${pathTemplate}`);
  return op;
}

function validate(cacheKey: string, schema: JsonObject, value: unknown, what: string): void {
  const loadedSpec = spec();
  let validator = loadedSpec.cache.get(cacheKey);
  if (!validator) {
    validator = loadedSpec.ajv.compile(toJsonSchema(schema) as object);
    loadedSpec.cache.set(cacheKey, validator);
  }
  if (!validator(value)) {
    const errors = (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n  ');
    throw new Error(`${what} does not match the spec:\n  ${errors}\nvalue: ${JSON.stringify(value).slice(0, 2000)}`);
  }
}

/**
 * Asserts a response body matches the spec for that operation and status. `contentType` picks the media type
 * (default: application/json, else the only one defined). A status the spec does not list fails.
 */
export function expectResponseMatchesSpec(method: string, pathTemplate: string, status: number, body: unknown, contentType?: string): void {
  if (specAbsent()) return;
  const responses = operation(method, pathTemplate).responses ?? {};
  const response = responses[String(status)];
  if (!response) throw new Error(`spec does not list status ${status} for ${method.toUpperCase()} ${pathTemplate} (has ${Object.keys(responses).join(', ')})`);
  const media = response.content ?? {};
  const mediaTypes = Object.keys(media);
  if (mediaTypes.length === 0) {
    if (body !== undefined && body !== null && body !== '') throw new Error(`spec defines no body for ${status} on ${method} ${pathTemplate}`);
    return;
  }
  const type = (contentType ?? 'application/json').split(';')[0]!.trim();
  const chosen = media[type] ? type : mediaTypes.length === 1 ? mediaTypes[0]! : undefined;
  if (!chosen) throw new Error(`spec has no ${type} body for ${status} on ${method} ${pathTemplate} (has ${mediaTypes.join(', ')})`);
  const schema = media[chosen]?.schema;
  if (!schema) return;
  validate(`res ${method} ${pathTemplate} ${status} ${chosen}`, schema, body, `${method.toUpperCase()} ${pathTemplate} → ${status} (${chosen})`);
}

/** Asserts a JSON request body matches the spec's requestBody schema. */
export function expectRequestMatchesSpec(method: string, pathTemplate: string, body: unknown): void {
  if (specAbsent()) return;
  const content = operation(method, pathTemplate).requestBody?.content ?? {};
  const schema = content['application/json']?.schema;
  if (!schema) throw new Error(`spec has no JSON request body for ${method.toUpperCase()} ${pathTemplate}`);
  validate(`req ${method} ${pathTemplate}`, schema, body, `request ${method.toUpperCase()} ${pathTemplate}`);
}
