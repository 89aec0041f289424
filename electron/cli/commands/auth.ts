import { parseCertificateId } from '../certificate-id';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { GlobalOptions } from '../global-options';
import { asCliErrors, describeSession, signIn, unlockVault, withRoot, type SignInOptions } from '../account-session';
import { CliError, printResult } from '../output';

const NIP = /^\d{10}$/;

/** `ksef-desk auth login|sign-request`. The process is short-lived: login proves the sign-in works. */
export function registerAuthCommands(program: Command, globals: () => GlobalOptions): void {
  const auth = program.command('auth').description('sign in to KSeF');

  auth
    .command('login')
    .description('sign in to a company (NIP context) and print who is signed in where; signs out on exit')
    .requiredOption('--nip <nip>', 'company NIP (the context)')
    .option('--cert <id>', 'stored certificate id (default: the default certificate for the NIP)', parseCertificateId)
    .option('--token-file <file>', 'sign in with the KSeF token in this file')
    .action(async (opts: SignInOptions & { nip: string }) => {
      const options = globals();
      const status = await withRoot(options, (root) => signIn(root, options, opts.nip, opts));
      printResult(options, status, () => describeSession(status));
    });

  auth
    .command('sign-request')
    .description('write a signed AuthTokenRequest (XAdES) with a fresh challenge from the current environment')
    .requiredOption('--nip <nip>', 'company NIP (the context)')
    .requiredOption('--cert <id>', 'stored certificate id', parseCertificateId)
    .requiredOption('--out <file>', 'where to write the signed XML')
    .action(async (opts: { nip: string; cert: string; out: string }) => {
      const options = globals();
      if (!NIP.test(opts.nip)) throw new CliError('--nip must be 10 digits', 'INVALID_NIP');
      const xml = await withRoot(options, async (root) => {
        await unlockVault(root, options);
        return asCliErrors(() => root.account.auth.signAuthTokenRequest(opts.nip, opts.cert));
      });
      await writeFile(opts.out, xml, { mode: 0o600 });
      printResult(options, { file: opts.out, bytes: Buffer.byteLength(xml) }, () => `Signed AuthTokenRequest written to ${opts.out}`);
    });
}
