/**
 * Test helper: validates many XML documents against the official FA(3) XSD (the copy the app ships, see
 * `fa3SchemaDir()`) with ONE system xmllint run; a temporary XML catalog maps the schema's remote import to
 * the local `bazowe/` folder. Returns a skip reason when xmllint is absent. Prefer the in-app validator
 * (`getFa3Validator()` from ../validation), which needs no system tool; this stays as an independent
 * cross-check with the system libxml2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FA3_SCHEMA_FILE, fa3SchemaDir } from '../validation/runtime-assets';

const REMOTE_BASE = 'http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/';

export interface XsdBatchResult {
  valid: boolean;
  errors: string[];
}

export function xsdBatchUnavailableReason(): string | undefined {
  try {
    fa3SchemaDir();
  } catch {
    return 'the FA(3) schema files are not installed';
  }
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'xmllint is not installed';
  }
  return undefined;
}

/** Validates each document; result i belongs to xmls[i]. */
export function validateWithXmllint(xmls: readonly string[]): XsdBatchResult[] {
  const schemaDir = fa3SchemaDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fa3-xsd-'));
  try {
    const local = `${pathToFileURL(path.join(schemaDir, 'bazowe')).href}/`;
    const catalog = path.join(dir, 'catalog.xml');
    writeFileSync(
      catalog,
      `<?xml version="1.0"?><catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">` +
        `<rewriteURI uriStartString="${REMOTE_BASE}" rewritePrefix="${local}"/>` +
        `<rewriteSystem systemIdStartString="${REMOTE_BASE}" rewritePrefix="${local}"/></catalog>`,
    );
    const files = xmls.map((xml, index) => {
      const file = path.join(dir, `${index}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.join(schemaDir, FA3_SCHEMA_FILE), ...files], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: catalog },
      maxBuffer: 64 * 1024 * 1024,
    });
    const results = files.map((): XsdBatchResult => ({ valid: false, errors: [] }));
    for (const line of `${run.stdout}${run.stderr}`.split('\n')) {
      const match = /^(.*?[\\/](\d+)\.xml)(:\d+)?:? (.*)$/.exec(line);
      const result = match ? results[Number(match[2])] : undefined;
      if (!match || !result) continue;
      if (match[4] === 'validates') result.valid = true;
      else if (match[4] !== 'fails to validate') result.errors.push(`${match[3] ?? ''} ${match[4]}`.trim());
    }
    if (results.every((result) => !result.valid && result.errors.length === 0)) {
      throw new Error(`xmllint produced no verdicts: ${run.stderr.slice(0, 500)}`);
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
