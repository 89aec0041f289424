import { parseCertificateId } from '../certificate-id';
import type { Command } from 'commander';
import { TOKEN_PERMISSIONS, type TokenPermission } from '../../../shared/ipc/channels/tokens';
import type { GlobalOptions } from '../global-options';
import { call, signIn, withRoot, type SignInOptions } from '../account-session';
import { CliError, printResult } from '../output';

type SessionOptions = SignInOptions & { nip: string };

function withSessionOptions(command: Command): Command {
  return command
    .requiredOption('--nip <nip>', 'company NIP (the context)')
    .option('--cert <id>', 'sign in with this stored certificate (default: the default one for the NIP)', parseCertificateId)
    .option('--token-file <file>', 'sign in with the KSeF token in this file');
}

function parsePermissions(value: string): TokenPermission[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(TOKEN_PERMISSIONS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new CliError(`--permissions: use a comma-separated list of ${TOKEN_PERMISSIONS.join(', ')}`, 'INVALID_INPUT');
  }
  return names as TokenPermission[];
}

/** `ksef-desk token create|list|revoke`: each signs in first (same process), then acts. */
export function registerTokenCommands(program: Command, globals: () => GlobalOptions): void {
  const token = program.command('token').description('KSeF tokens of a company');

  withSessionOptions(token.command('create'))
    .description('generate a KSeF token; the secret is printed once')
    .requiredOption('--description <text>', 'what the token is for (5–256 characters)')
    .option('--permissions <list>', 'comma-separated permissions', 'InvoiceRead,InvoiceWrite')
    .option('--save', 'also keep the secret encrypted in the profile for signing in from the app')
    .action(async (opts: SessionOptions & { description: string; permissions: string; save?: boolean }) => {
      const options = globals();
      const permissions = parsePermissions(opts.permissions);
      const created = await withRoot(options, async (root) => {
        await signIn(root, options, opts.nip, opts);
        return call(root, 'tokens:create', { description: opts.description, permissions, save: opts.save === true });
      });
      printResult(options, created, () =>
        [`Token ${created.referenceNumber} created. Copy it now, KSeF never shows it again:`, created.token].join('\n'),
      );
    });

  withSessionOptions(token.command('list'))
    .description('list KSeF tokens of the company')
    .action(async (opts: SessionOptions) => {
      const options = globals();
      const tokens = await withRoot(options, async (root) => {
        await signIn(root, options, opts.nip, opts);
        return call(root, 'tokens:list', {});
      });
      printResult(options, tokens, () =>
        tokens.length
          ? tokens.map((t) => `${t.referenceNumber}  ${t.status}  ${t.permissions.join(',')}  ${t.description}`).join('\n')
          : 'No tokens.',
      );
    });

  withSessionOptions(token.command('revoke <referenceNumber>'))
    .description('revoke a KSeF token')
    .action(async (referenceNumber: string, opts: SessionOptions) => {
      const options = globals();
      await withRoot(options, async (root) => {
        await signIn(root, options, opts.nip, opts);
        return call(root, 'tokens:revoke', { referenceNumber });
      });
      printResult(options, { revoked: referenceNumber }, () => `Revoked ${referenceNumber}`);
    });
}
