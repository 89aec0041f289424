// Runs as the project's postinstall. npm no longer runs dependencies' install scripts by default,
// so we fetch Electron's binary ourselves: on a user's machine this downloads it as usual; where
// it cannot be downloaded (no internet, CI) we say so in one line and `npm start` uses browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  process.exit(0);
}
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // electron not installed (e.g. --omit=dev): nothing to do
}
if (!existsSync(installScript)) process.exit(0);
const result = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
if (result.status !== 0) {
  console.log('KSeF Desk: the Electron binary could not be downloaded here; `npm start` will open browser mode instead.');
}
