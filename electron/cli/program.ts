import { Command, CommanderError } from 'commander';
import { registerAuthCommands } from './commands/auth';
import { registerCertCommands } from './commands/cert';
import { registerConfigCommands } from './commands/config';
import { registerInvoiceCommands } from './commands/invoice';
import { registerTokenCommands } from './commands/token';
import { registerReceivedCommands } from './commands/received';
import { registerSyncCommand } from './commands/sync';
import { registerSandboxCommand } from './commands/sandbox';
import { registerSendCommand } from './commands/send';
import { registerOutboxCommands } from './commands/outbox';
import { registerUpoCommand } from './commands/upo';
import { registerStartCommand } from './commands/start-web';
import { parseGlobalOptions, type GlobalOptions } from './global-options';
import { enableHelpEverywhere } from './help';
import { APP_VERSION } from './node-root';
import { printError } from './output';

/** Builds the `ksef-desk` command tree; later features add their command groups here. */
export function buildProgram(): { program: Command; globals: () => GlobalOptions } {
  const program = new Command('ksef-desk')
    .description('KSeF Desk: issue, send and receive KSeF 2.0 e-invoices from the command line')
    .version(APP_VERSION)
    .option('--profile <dir>', 'profile directory (default: KSEF_DESK_PROFILE or the per-user app data folder)')
    .option('--env <environment>', 'KSeF environment for this run: sandbox, test, demo or production')
    .option('--base-url <url>', 'talk to the KSeF API at this URL (e.g. a sandbox started separately)')
    .option('--json', 'machine-readable output on stdout; errors on stderr')
    .option('--passphrase-file <file>', 'key-store passphrase for private keys (default: KSEF_DESK_VAULT_PASSPHRASE); set on first use')
    .showHelpAfterError()
    .exitOverride();
  const globals = () => parseGlobalOptions(program.opts());
  registerConfigCommands(program, globals);
  registerStartCommand(program, globals);
  registerSandboxCommand(program, globals);
  registerCertCommands(program, globals);
  registerAuthCommands(program, globals);
  registerTokenCommands(program, globals);
  registerSyncCommand(program, globals);
  registerReceivedCommands(program, globals);
  registerInvoiceCommands(program, globals);
  registerSendCommand(program, globals);
  registerOutboxCommands(program, globals);
  registerUpoCommand(program, globals);
  enableHelpEverywhere(program); // last: covers every command registered above
  return { program, globals };
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it in-process. */
export async function runCli(argv: string[]): Promise<number> {
  const { program } = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    return printError({ json: argv.includes('--json') }, error);
  }
}
