import { parseCertificateId } from '../certificate-id';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { CertificateEntry } from '../../../shared/ipc/channels/certificates';
import { MAX_CERTIFICATE_FILE_BYTES } from '../../../shared/ipc/channels/limits';
import type { GlobalOptions } from '../global-options';
import { call, describeSession, readSecretFile, signIn, unlockVault, withRoot, type SignInOptions } from '../account-session';
import { CliError, printResult } from '../output';
import { registerKsefCertCommands } from './cert-ksef';

/** What `cert list --json` promises scripts: these fields always present (null when absent). */
function listRow(entry: CertificateEntry) {
  return { ...entry, nip: entry.nip ?? null, pesel: entry.pesel ?? null, keyProblem: entry.keyProblem ?? null };
}

function describe(entry: CertificateEntry): string {
  const identifier = entry.nip ? `NIP ${entry.nip}` : entry.pesel ? `PESEL ${entry.pesel}` : 'no NIP/PESEL';
  const defaults = entry.defaultFor.length ? ` default for ${entry.defaultFor.join(', ')}` : '';
  const unusable = entry.keyProblem ? ` CANNOT SIGN IN: ${entry.keyProblem}` : '';
  return `${entry.id}  ${entry.label}  [${identifier}, ${entry.keyType}, ${entry.status} until ${entry.notAfter.slice(0, 10)}, ${entry.source}]${defaults}${unusable}`;
}

function keyOption(value: string | undefined): 'ec' | 'rsa' {
  if (value === undefined || value === 'ec' || value === 'rsa') return value ?? 'ec';
  throw new CliError('--key must be ec or rsa', 'INVALID_INPUT');
}

/** `ksef-desk cert import|list|remove|set-default|test-create|enroll`, plus `ksef-list|revoke|limits` (cert-ksef.ts). */
export function registerCertCommands(program: Command, globals: () => GlobalOptions): void {
  const cert = program.command('cert').description('certificates for signing in to KSeF (keys stay encrypted in the profile)');

  cert
    .command('import <file>')
    .description('import a .p12/.pfx, PEM or DER certificate with its private key')
    .option('--password-file <file>', 'file with the password of the certificate file')
    .option('--label <label>', 'name shown in the list (default: the owner)')
    .option('--default-for <nip>', 'make it the default certificate for this company NIP')
    .action(async (file: string, opts: { passwordFile?: string; label?: string; defaultFor?: string }) => {
      const options = globals();
      const size = await stat(file).then((info) => info.size, () => -1);
      if (size < 0) throw new CliError(`Cannot read ${file}`, 'INVALID_INPUT');
      if (size > MAX_CERTIFICATE_FILE_BYTES) throw new CliError('FILE_TOO_LARGE (certificate files have at most 1 MiB)', 'FILE_TOO_LARGE');
      const password = opts.passwordFile ? await readSecretFile(opts.passwordFile, '--password-file') : undefined;
      const entry = await withRoot(options, async (root) => {
        await unlockVault(root, options);
        const content = await readFile(file);
        const draft = await call(root, 'certificates:inspectFile', {
          fileName: path.basename(file),
          contentBase64: content.toString('base64'),
          ...(password !== undefined ? { password } : {}),
        });
        content.fill(0);
        return call(root, 'certificates:commit', {
          draftId: draft.draftId,
          label: opts.label ?? draft.summary.ownerName.slice(0, 100),
          ...(opts.defaultFor ? { defaultForNip: opts.defaultFor } : {}),
        });
      });
      printResult(options, listRow(entry), () => `Imported: ${describe(entry)}`);
    });

  cert
    .command('list')
    .description('list stored certificates')
    .action(async () => {
      const options = globals();
      const entries = await withRoot(options, (root) => call(root, 'certificates:list', {}));
      printResult(options, entries.map(listRow), () => (entries.length ? entries.map(describe).join('\n') : 'No certificates.'));
    });

  cert
    .command('remove <id>')
    .description('delete a stored certificate and its key')
    .action(async (id: string) => {
      const options = globals();
      await withRoot(options, (root) => call(root, 'certificates:remove', { id }));
      printResult(options, { removed: id }, () => `Removed ${id}`);
    });

  cert
    .command('set-default <id>')
    .option('--nip <nip>', 'company NIP (default: the certificate’s own NIP)')
    .description('make a certificate the default for signing in')
    .action(async (id: string, opts: { nip?: string }) => {
      const options = globals();
      await withRoot(options, (root) => call(root, 'certificates:setDefault', { id, ...(opts.nip ? { nip: opts.nip } : {}) }));
      printResult(options, { id, nip: opts.nip ?? null }, () => `Default set: ${id}`);
    });

  cert
    .command('test-create')
    .description('create a self-signed test certificate (sandbox and test environments only)')
    .requiredOption('--nip <nip>', 'company NIP (the certificate carries it unless --pesel is given)')
    .option('--pesel <pesel>', 'identify the person by PESEL instead of NIP')
    .option('--key <type>', 'key type: ec (default) or rsa')
    .option('--given-name <name>', 'given name', 'Jan')
    .option('--surname <name>', 'surname', 'Testowy')
    .option('--label <label>', 'name shown in the list')
    .action(async (opts: { nip: string; pesel?: string; key?: string; givenName: string; surname: string; label?: string }) => {
      const options = globals();
      const keyAlgorithm = keyOption(opts.key);
      const entry = await withRoot(options, async (root) => {
        await unlockVault(root, options);
        const identity = opts.pesel ? { pesel: opts.pesel } : { nip: opts.nip };
        return call(root, 'certificates:createTest', {
          subject: { kind: 'person', ...identity, givenName: opts.givenName, surname: opts.surname },
          keyAlgorithm,
          defaultForNip: opts.nip,
          ...(opts.label ? { label: opts.label } : {}),
        });
      });
      printResult(options, listRow(entry), () => `Created: ${describe(entry)}`);
    });

  cert
    .command('enroll')
    .description('get a KSeF certificate for the signed-in identity (needs a certificate sign-in)')
    .requiredOption('--type <type>', 'authentication or offline')
    .requiredOption('--nip <nip>', 'company NIP to sign in to')
    .option('--cert <id>', 'sign in with this stored certificate (default: the default one for the NIP)', parseCertificateId)
    .option('--token-file <file>', 'sign in with a KSeF token from this file (KSeF refuses enrollment after a token sign-in)')
    .option('--key <type>', 'key type of the new certificate: ec (default) or rsa')
    .option('--label <label>', 'name shown in the list')
    .action(async (opts: SignInOptions & { type: string; nip: string; key?: string; label?: string }) => {
      const options = globals();
      const type = opts.type.toLowerCase();
      if (type !== 'authentication' && type !== 'offline') throw new CliError('--type must be authentication or offline', 'INVALID_INPUT');
      const keyAlgorithm = keyOption(opts.key);
      const entry = await withRoot(options, async (root) => {
        const status = await signIn(root, options, opts.nip, opts);
        if (!options.json) process.stderr.write(`${describeSession(status)}\n`);
        await unlockVault(root, options);
        return call(root, 'certificates:enroll', {
          certificateType: type === 'authentication' ? 'Authentication' : 'Offline',
          keyAlgorithm,
          ...(opts.label ? { label: opts.label } : {}),
        });
      });
      printResult(options, listRow(entry), () => `Enrolled: ${describe(entry)}`);
    });

  registerKsefCertCommands(cert, globals);
}
