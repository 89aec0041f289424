import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parseCertificateId } from '../certificate-id';
import type { GlobalOptions } from '../global-options';
import { asCliErrors, signIn, withRoot, type SignInOptions } from '../account-session';
import { CliError, printResult } from '../output';

const NIP = /^\d{10}$/;

export interface SendFileResult {
  file: string;
  status: string;
  ksefNumber: string | null;
  invoiceNumber: string | null;
  error?: { code: string; description: string; details: string[] };
}

interface SendOptions extends SignInOptions {
  nip: string;
  online?: boolean;
  batch?: boolean;
  offline?: boolean;
}

/**
 * `ksef-desk send`: every file is stored in the outbox first (validated, bytes + hash), then sent. Running the
 * same command again after a crash finds the same items by hash and resumes them; nothing is sent twice.
 */
export function registerSendCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('send')
    .description('send FA(3) invoice files to KSeF (online for a few, batch for many) and wait for their KSeF numbers')
    .requiredOption('--nip <nip>', 'company NIP (the context)')
    .option('--cert <id>', 'stored certificate id (default: the default certificate for the NIP)', parseCertificateId)
    .option('--token-file <file>', 'sign in with the KSeF token in this file')
    .option('--online', 'send in an online session whatever the count')
    .option('--batch', 'send in a batch session whatever the count')
    .option('--offline', 'issue in offline mode (QR codes); sent later when KSeF is reachable')
    .argument('<files...>', 'invoice XML files')
    .action(async (files: string[], opts: SendOptions) => {
      const options = globals();
      if (!NIP.test(opts.nip)) throw new CliError('--nip must be 10 digits', 'INVALID_NIP');
      if (opts.online && opts.batch) throw new CliError('Use either --online or --batch, not both', 'INVALID_INPUT');
      const results = await withRoot(options, async (root) => {
        const outbox = root.outbox.service;
        const entries: { file: string; id: string | null; result?: SendFileResult }[] = [];
        const readable: { file: string; xml: Buffer; index: number }[] = [];
        for (const file of files) {
          try {
            readable.push({ file, xml: await readFile(file), index: entries.length });
            entries.push({ file, id: null });
          } catch {
            entries.push({ file, id: null, result: { file, status: 'unreadable', ksefNumber: null, invoiceNumber: null, error: { code: 'INVALID_INPUT', description: `cannot read ${file}`, details: [] } } });
          }
        }
        const mode = opts.offline ? { mode: 'offline' as const } : {};
        const queued = await asCliErrors(() => outbox.enqueueMany(readable.map(({ file, xml }) => ({ xml, origin: 'imported' as const, fileName: path.basename(file), ...mode }))));
        queued.forEach((result, position) => {
          const source = readable[position];
          const entry = source ? entries[source.index] : undefined;
          if (!source || !entry) return;
          if (result.ok) entry.id = result.item.id;
          else {
            const details = result.problems.map((p) => `line ${p.line ?? '?'}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
            entry.result = { file: source.file, status: 'invalid', ksefNumber: null, invoiceNumber: null, error: { code: 'INVOICE_FILE_INVALID', description: details[0] ?? 'invalid', details } };
          }
        });
        if (!opts.offline && entries.some((e) => e.id)) {
          await signIn(root, options, opts.nip, opts);
          outbox.setMode(opts.online ? 'online' : opts.batch ? 'batch' : null);
          await asCliErrors(() => outbox.sendPending());
          await outbox.closeSessions();
        }
        return entries.map((entry): SendFileResult => {
          if (entry.result || !entry.id) return entry.result as SendFileResult;
          const item = outbox.get(entry.id);
          return { file: entry.file, status: item.state, ksefNumber: item.ksefNumber, invoiceNumber: item.invoiceNumber, ...(item.error ? { error: item.error } : {}) };
        });
      });
      printResult(options, results, () =>
        results.map((r) => `${r.file}: ${r.status}${r.ksefNumber ? ` ${r.ksefNumber}` : ''}${r.error ? ` — ${r.error.code} ${r.error.description}` : ''}`).join('\n'),
      );
      const goal = opts.offline ? 'offline' : 'accepted';
      const missed = results.filter((r) => r.status !== goal).length;
      if (missed) throw new CliError(`${missed} of ${results.length} file(s) did not end ${goal}`, 'NOT_ALL_ACCEPTED');
    });
}
