/**
 * Test helper: validates many XML documents against the official FA(3) XSD with ONE system xmllint run
 * (files in a temp folder, the pack's catalog for the remote import). Returns undefined — so the test
 * skips with a reason — when the reference pack or xmllint is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ksefPackDir } from '../../../../test/helpers/ksef-pack';

export interface XsdBatchResult {
  valid: boolean;
  errors: string[];
}

export function xsdBatchUnavailableReason(): string | undefined {
  const pack = ksefPackDir();
  if (!pack || !existsSync(path.join(pack, 'schemas', 'FA', 'schemat_FA(3)_v1-0E.xsd'))) {
    return 'KSeF reference pack (../shared/ksef or KSEF_SCHEMA_DIR) not found';
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
  const pack = ksefPackDir();
  if (!pack) throw new Error('KSeF reference pack not found');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fa3-xsd-'));
  try {
    const files = xmls.map((xml, index) => {
      const file = path.join(dir, `${index}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const run = spawnSync(
      'xmllint',
      ['--nonet', '--noout', '--schema', path.join(pack, 'schemas', 'FA', 'schemat_FA(3)_v1-0E.xsd'), ...files],
      { encoding: 'utf8', env: { ...process.env, XML_CATALOG_FILES: path.join(pack, 'catalog.xml') }, maxBuffer: 64 * 1024 * 1024 },
    );
    const output = `${run.stdout}${run.stderr}`;
    const results = files.map((): XsdBatchResult => ({ valid: false, errors: [] }));
    for (const line of output.split('\n')) {
      const match = /^(.*?[\\/](\d+)\.xml)(:\d+)?:? (.*)$/.exec(line);
      const index = match ? Number(match[2]) : -1;
      const result = results[index];
      if (!match || !result) continue;
      if (match[4] === 'validates') result.valid = true;
      else if (match[4] !== 'fails to validate') result.errors.push(`${match[3] ?? ''} ${match[4]}`.trim());
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
