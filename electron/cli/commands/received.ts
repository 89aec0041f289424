import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { RECEIVED_EXPORT_FORMATS, type ReceivedExportFormat, type ReceivedFilter, type ReceivedSubject } from '../../../shared/ipc/channels/received';
import { receivedFilterSchema } from '../../../shared/ipc/channels/received';
import { csvHeader, csvLine } from '../../services/received/export-csv';
import { runExport } from '../../services/received/export-jobs';
import type { GlobalOptions } from '../global-options';
import { withRoot } from '../account-session';
import { CliError, printResult } from '../output';
import { parseSubject } from './sync';

interface FilterOptions {
  nip?: string;
  from?: string;
  to?: string;
  seller?: string;
  q?: string;
  subject: ReceivedSubject;
}

function withFilterOptions(command: Command, nipRequired: boolean): Command {
  return (nipRequired ? command.requiredOption('--nip <nip>', 'company NIP') : command.option('--nip <nip>', 'company NIP (default: every company)'))
    .option('--from <date>', 'issued on or after YYYY-MM-DD')
    .option('--to <date>', 'issued on or before YYYY-MM-DD')
    .option('--seller <nip>', "seller's NIP")
    .option('--q <text>', 'full-text search: parties, numbers, line descriptions')
    .option('--subject <role>', 'buyer (default), seller, third or authorized', parseSubject, 'buyer' as ReceivedSubject);
}

function filterOf(opts: FilterOptions): ReceivedFilter {
  const parsed = receivedFilterSchema.safeParse({
    ...(opts.nip ? { companyNip: opts.nip } : {}),
    subject: opts.subject,
    ...(opts.from ? { issueFrom: opts.from } : {}),
    ...(opts.to ? { issueTo: opts.to } : {}),
    ...(opts.seller ? { sellerNip: opts.seller } : {}),
    ...(opts.q ? { q: opts.q } : {}),
  });
  if (!parsed.success) throw new CliError(`invalid filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'INVALID_INPUT');
  return parsed.data;
}

/** `ksef-desk received list|get|export`: answers from the local archive, no KSeF call. */
export function registerReceivedCommands(program: Command, globals: () => GlobalOptions): void {
  const received = program.command('received').description('invoices received from KSeF, from the local archive');

  withFilterOptions(received.command('list'), false)
    .description('list archived invoices (JSON with --json, CSV with --csv)')
    .option('--csv', 'CSV for Polish Excel on stdout')
    .action(async (opts: FilterOptions & { csv?: boolean }) => {
      const options = globals();
      const filter = filterOf(opts);
      const rows = await withRoot(options, async (root) => [...root.received.archive.iterate(filter)]);
      if (opts.csv) {
        process.stdout.write(csvHeader() + rows.map((row) => csvLine(row)).join(''));
        return;
      }
      printResult(options, rows, () =>
        rows.length
          ? rows.map((r) => `${r.ksefNumber}  ${r.issueDate}  ${r.invoiceNumber}  ${r.sellerNip} ${r.sellerName ?? ''}  ${r.grossTotal} ${r.currency}`).join('\n')
          : 'No invoices.',
      );
    });

  received
    .command('get <ksefNumber>')
    .description('write the invoice XML exactly as KSeF holds it')
    .requiredOption('--out <file>', 'where to write the XML')
    .option('--nip <nip>', 'company NIP, when several companies received it')
    .action(async (ksefNumber: string, opts: { out: string; nip?: string }) => {
      const options = globals();
      const written = await withRoot(options, async (root) => {
        const row = root.received.archive.findByKsefNumber(ksefNumber, opts.nip);
        if (!row) throw new CliError(`${ksefNumber} is not in the archive; run ksef-desk sync first`, 'NOT_FOUND');
        const xml = root.received.archive.xml(row.id);
        writeFileSync(opts.out, xml);
        return { ksefNumber, file: opts.out, bytes: xml.length };
      });
      printResult(options, written, () => `Wrote ${written.bytes} bytes to ${written.file}`);
    });

  withFilterOptions(received.command('export'), true)
    .description('export the filtered invoices as CSV, a ZIP of XMLs or a ZIP of PDFs')
    .requiredOption('--format <format>', RECEIVED_EXPORT_FORMATS.join(', '))
    .requiredOption('--out <file>', 'output file')
    .action(async (opts: FilterOptions & { format: string; out: string }) => {
      const options = globals();
      if (!(RECEIVED_EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new CliError(`--format must be one of ${RECEIVED_EXPORT_FORMATS.join(', ')}`, 'INVALID_INPUT');
      const filter = filterOf(opts);
      const partial = `${opts.out}.part`;
      const count = await withRoot(options, async (root) => {
        const fd = openSync(partial, 'w', 0o600);
        try {
          const pdf = root.received.documents.pdf;
          const exported = await runExport(root.received.archive, {
            filter,
            format: opts.format as ReceivedExportFormat,
            target: { write: (chunk) => void writeSync(fd, chunk) },
            pdf: pdf ? pdf(root.currentEnvironment()) : null,
            onProgress: (done, total) => process.stderr.write(`export: ${done}/${total}\n`),
          });
          closeSync(fd);
          renameSync(partial, opts.out);
          return exported;
        } catch (error) {
          closeSync(fd);
          rmSync(partial, { force: true });
          throw error;
        }
      });
      printResult(options, { file: opts.out, invoices: count, format: opts.format }, () => `Exported ${count} invoice(s) to ${opts.out}`);
    });
}
