// Bundles the Node side: Electron main (ESM), the sandboxed preload (must be one CommonJS file)
// and the ksef-desk CLI. ESM-only dependencies (conf, electron-store) are bundled in.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'process.env.KSEF_DESK_VERSION': JSON.stringify(version) },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { 'electron/main': 'electron/main.ts', cli: 'electron/cli/index.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // Native and wasm-carrying packages load files beside themselves, so they stay in node_modules.
    external: ['electron', 'better-sqlite3'],
    banner: { js: requireShim },
  }),
  build({
    ...common,
    entryPoints: { 'electron/preload': 'electron/preload.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  }),
]);
