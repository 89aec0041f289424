import type { Command } from 'commander';
import { getFa3Validator, type SchemaError } from '../../services/invoices/validation';
import type { GlobalOptions } from '../global-options';
import { CliError, printResult } from '../output';
import { readInputFile } from './invoice-files';

export interface FileVerdict {
  file: string;
  valid: boolean;
  errors: SchemaError[];
}

/** `FILE:LINE: /Faktura/Fa/P_2: message` (LINE and the path are left out when unknown). */
export function formatErrorLine(file: string, error: SchemaError): string {
  return `${file}:${error.line ?? ''}: ${error.path ? `${error.path}: ` : ''}${error.message}`;
}

/**
 * `ksef-desk invoice validate FILE.xml...`: the KSeF byte rules and the FA(3) XSD, all files in one batched run.
 * Exit 0 when every file is valid; else 1 with one line per error on stderr (and, with --json, the verdicts on stdout).
 */
export function registerInvoiceValidateCommand(invoice: Command, globals: () => GlobalOptions): void {
  invoice
    .command('validate <files...>')
    .description('check FA(3) XML files against the official XSD and the KSeF file rules (exit 1 when any is invalid)')
    .action(async (files: string[]) => {
      const options = globals();
      const contents = await Promise.all(files.map((file) => readInputFile(file)));
      const reports = await getFa3Validator().validateMany(contents);
      const verdicts: FileVerdict[] = files.map((file, index) => ({ file, valid: reports[index]?.valid ?? false, errors: reports[index]?.errors ?? [] }));
      for (const verdict of verdicts) {
        for (const error of verdict.errors) process.stderr.write(`${formatErrorLine(verdict.file, error)}\n`);
      }
      const invalid = verdicts.filter((verdict) => !verdict.valid).length;
      if (options.json || invalid === 0) {
        printResult(options, verdicts, () => `${files.length} ${files.length === 1 ? 'file is' : 'files are'} valid FA(3)`);
      }
      if (invalid > 0) throw new CliError(`${invalid} of ${files.length} ${files.length === 1 ? 'file is' : 'files are'} not valid FA(3)`, 'INVALID_INPUT');
    });
}
