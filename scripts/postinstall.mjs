// The project's postinstall: the Electron binary (as before, see install-electron-binary.mjs), then the
// Node bundle, so `ksef-desk` runs right after `npm install` without a separate `npm run build`.
// Neither step may fail the install: without a bundle the launcher runs the sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const canResolve = (name) => {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
};

spawnSync(process.execPath, [here('install-electron-binary.mjs')], { stdio: 'inherit' });

// esbuild is a devDependency: an install without dev dependencies has nothing to build with.
if (canResolve('esbuild') && existsSync(here('../electron/cli/index.ts'))) {
  const build = spawnSync(process.execPath, [here('build-node.mjs')], {
    cwd: here('..'),
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 300_000,
  });
  if (build.status !== 0) {
    console.log('KSeF Desk: the command-line bundle could not be built now; `ksef-desk` will run from the sources instead.');
  }
}
