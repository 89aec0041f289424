import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startBridgeServer } from '../../ipc/bridge-server';
import type { GlobalOptions } from '../global-options';
import { createNodeRoot } from '../node-root';
import { CliError, printResult } from '../output';
import { createSandboxLauncher } from '../../services/environment/sandbox-launcher';

/** The built renderer sits beside the bundled CLI (dist/cli.mjs -> dist/renderer). */
export function defaultRendererDir(): string {
  return process.env.KSEF_DESK_RENDERER_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'renderer');
}

/** `ksef-desk start --web`: browser mode, the renderer plus the IPC bridge on loopback, until Ctrl+C. */
export function registerStartCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('start')
    .description('start KSeF Desk; --web serves it to a browser on 127.0.0.1 (no Electron needed)')
    .option('--web', 'browser mode: serve the UI and the IPC bridge on loopback')
    .option('--port <port>', 'port for browser mode (default: random)', (value) => Number.parseInt(value, 10))
    .action(async (commandOptions: { web?: boolean; port?: number }) => {
      const options = globals();
      if (!commandOptions.web) {
        throw new CliError('Only browser mode can start from the command line: use `ksef-desk start --web` or `npm start`.');
      }
      const rendererDir = defaultRendererDir();
      if (!existsSync(path.join(rendererDir, 'index.html'))) {
        throw new CliError(`The UI is not built (${rendererDir} is missing): run \`npm run build\` first.`);
      }
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const root = createNodeRoot({
        profile: options.profile,
        environment: options.env,
        baseUrl: options.baseUrl,
        log,
      });
      root.environment.setSandboxLauncher(createSandboxLauncher(root.profileDir, log));
      const bridge = await startBridgeServer({
        dispatch: root.dispatch,
        events: root.events,
        rendererDir,
        port: commandOptions.port,
      });
      printResult(options, { url: bridge.url, profileDir: root.profileDir }, () =>
        [`KSeF Desk (browser mode) is running. Open: ${bridge.url}`, 'Press Ctrl+C to stop.'].join('\n'),
      );
      await waitForShutdownSignal();
      await bridge.close();
      await root.close();
    });
}

function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
