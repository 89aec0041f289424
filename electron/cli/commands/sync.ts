import type { Command } from 'commander';
import { RECEIVED_SUBJECTS, type ReceivedSubject, type ReceivedSyncProgress } from '../../../shared/ipc/channels/received';
import type { GlobalOptions } from '../global-options';
import { asCliErrors, signIn, withRoot, type SignInOptions } from '../account-session';
import { parseCertificateId } from '../certificate-id';
import { CliError, printResult } from '../output';

export function parseSubject(value: string): ReceivedSubject {
  if (!(RECEIVED_SUBJECTS as readonly string[]).includes(value)) throw new CliError(`--subject must be one of ${RECEIVED_SUBJECTS.join(', ')}`, 'INVALID_INPUT');
  return value as ReceivedSubject;
}

function progressLine(progress: ReceivedSyncProgress): string {
  const counts = progress.expected !== null ? `${progress.processed}/${progress.expected}` : `${progress.processed}`;
  const eta = progress.etaSeconds ? `, about ${progress.etaSeconds}s left` : '';
  return `sync ${progress.companyNip} ${progress.subject}: ${progress.phase} ${counts}, ${progress.imported} new${eta}\n`;
}

/** `ksef-desk sync --nip N [--cert ID | --token-file F] [--subject buyer|seller|third|authorized]`. */
export function registerSyncCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('sync')
    .description('download new invoices of a company from KSeF into the local archive (progress on stderr)')
    .requiredOption('--nip <nip>', 'company NIP (the context)')
    .option('--cert <id>', 'sign in with this stored certificate (default: the default one for the NIP)', parseCertificateId)
    .option('--token-file <file>', 'sign in with the KSeF token in this file')
    .option('--subject <role>', `the company's role on the invoices: ${RECEIVED_SUBJECTS.join(', ')}`, parseSubject, 'buyer' as ReceivedSubject)
    .option('--method <method>', 'auto (default), download or export', 'auto')
    .action(async (opts: SignInOptions & { nip: string; subject: ReceivedSubject; method: string }) => {
      const options = globals();
      if (!['auto', 'download', 'export'].includes(opts.method)) throw new CliError('--method must be auto, download or export', 'INVALID_INPUT');
      const summary = await withRoot(options, async (root) => {
        await signIn(root, options, opts.nip, opts);
        const unsubscribe = root.events.subscribe((event, payload) => {
          if (event === 'received:progress') process.stderr.write(progressLine(payload as ReceivedSyncProgress));
        });
        try {
          return await asCliErrors(() => root.received.sync.run(opts.subject, { strategy: opts.method as 'auto' | 'download' | 'export' }));
        } finally {
          unsubscribe();
        }
      });
      printResult(options, summary, () =>
        `${summary.imported} new invoice(s) for NIP ${summary.companyNip} (${summary.subject}, ${summary.method}); ${summary.duplicates} already archived; next sync from ${summary.checkpoint}`,
      );
    });
}
