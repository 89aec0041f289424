import type { Command } from 'commander';
import { parseSandboxArgs, SandboxArgsError } from '../../sandbox/cli-args';
import { startSandbox } from '../../sandbox';
import type { GlobalOptions } from '../global-options';
import { CliError, printResult } from '../output';

/**
 * `ksef-desk sandbox [--port N] [--host H] [--state FILE] [--limits official|off] [--faults SPEC]
 * [--schema-dir DIR] [--seed-received NIP:COUNT]`: the local KSeF 2.0 server on its own.
 */
export function registerSandboxCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('sandbox')
    .description('run the local KSeF 2.0 sandbox server and print its base URL (Ctrl+C stops it)')
    .helpOption(false)
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .argument(
      '[options...]',
      '--port N --host 127.0.0.1 --state FILE --limits official|off --faults SPEC --admin-secret S (fault-admin API; default random, printed on stderr) --schema-dir DIR --seed-received NIP:COUNT',
    )
    .action(async (args: string[]) => {
      const options = globals();
      let sandboxOptions;
      try {
        sandboxOptions = parseSandboxArgs(args);
      } catch (error) {
        if (error instanceof SandboxArgsError) throw new CliError(error.message, 'INVALID_INPUT');
        throw error;
      }
      // Validation uses the FA(3) XSD the app ships; --schema-dir swaps in another copy (e.g. the KSeF pack).
      const sandbox = await startSandbox({
        ...sandboxOptions,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stderr.write(`fault admin: ${sandbox.faultsAdmin.url} with header x-sandbox-admin-secret: ${sandbox.faultsAdmin.secret}\n`);
      printResult(options, { baseUrl: sandbox.baseUrl, faultsAdmin: sandbox.faultsAdmin }, () => sandbox.baseUrl);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await sandbox.close();
    });
}
