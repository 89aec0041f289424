// `npm start`: the Electron window where the Electron binary exists, browser mode otherwise.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const forwarded = process.argv.slice(2);

function electronBinary() {
  try {
    return require('electron'); // the package exports the binary path, and throws if it is missing
  } catch {
    return null;
  }
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const binary = electronBinary();
const child =
  binary && hasDisplay()
    ? spawn(binary, [path.join(root, 'dist/electron/main.mjs'), ...forwarded], { stdio: 'inherit' })
    : (console.log(
        binary
          ? 'No display found: starting KSeF Desk in browser mode instead of the Electron window.'
          : 'Electron binary not available here: starting KSeF Desk in browser mode instead.',
      ),
      spawn(process.execPath, [path.join(root, 'dist/cli.mjs'), ...forwarded, 'start', '--web'], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
