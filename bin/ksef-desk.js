#!/usr/bin/env node
// The `ksef-desk` command: a thin launcher for the bundled CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('ksef-desk is not built yet: run `npm run build` in the project folder first.');
  process.exit(1);
}
await import(cli);
