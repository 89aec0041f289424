#!/usr/bin/env node
// The `ksef-desk` command: a thin launcher for the bundled CLI (dist/cli.mjs, built by `npm install`'s
// postinstall or `npm run build`). Without a bundle it runs the TypeScript sources through tsx, so a
// checkout whose build was skipped or failed still works; only when neither exists does it give up.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const cli = fileURLToPath(new URL('dist/cli.mjs', root));
const source = fileURLToPath(new URL('electron/cli/index.ts', root));

if (existsSync(cli)) {
  await import(cli);
} else {
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    tsImport = undefined;
  }
  if (!tsImport || !existsSync(source)) {
    console.error('ksef-desk is not built yet: run `npm run build` in the project folder first.');
    process.exit(1);
  }
  // The bundle gets its version from the build; from source, read it where the build would.
  process.env.KSEF_DESK_VERSION ??= JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version;
  await tsImport(source, import.meta.url);
}
