import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkInvoiceRules } from '../../../shared/domain/invoice/rules';
import { parseInvoice } from '../../../shared/domain/invoice/schema';
import { completeInvoice } from '../../../shared/domain/invoice/totals';
import { getFa3Validator } from '../../services/invoices/validation';
import { writeInvoiceXml } from '../../services/invoices/xml';
import type { GlobalOptions } from '../global-options';
import { CliError, printResult } from '../output';
import { readInputFile } from './invoice-files';

/** `ksef-desk invoice new --from F.json --out F.xml`: the app's JSON model (README "Invoice JSON") to FA(3) XML. */
export function registerInvoiceNewCommand(invoice: Command, globals: () => GlobalOptions): void {
  invoice
    .command('new')
    .description('write FA(3) XML from an invoice in the JSON model (missing line values and totals are computed)')
    .requiredOption('--from <file>', 'invoice JSON (see README, "Invoice JSON")')
    .requiredOption('--out <file>', 'where to write the XML')
    .action(async (opts: { from: string; out: string }) => {
      const options = globals();
      let input: unknown;
      try {
        input = JSON.parse((await readInputFile(opts.from)).toString('utf8'));
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`${opts.from} is not valid JSON: ${(error as Error).message}`, 'INVALID_INPUT');
      }
      const parsed = parseInvoice(input);
      if (!parsed.ok) {
        const details = parsed.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
        throw new CliError(`${opts.from} is not a valid invoice:\n${details}`, 'INVALID_INPUT');
      }
      const invoiceModel = completeInvoice(parsed.invoice);
      const warnings = checkInvoiceRules(invoiceModel);
      const xml = writeInvoiceXml(invoiceModel);
      // Valid by construction for typed data; preserved `extra` trees are checked here before anything is written.
      const report = await getFa3Validator().validate(xml);
      if (!report.valid) {
        const details = report.errors.map((error) => `  ${error.path}: ${error.message}`).join('\n');
        throw new CliError(`The invoice does not produce valid FA(3):\n${details}`, 'INVALID_INPUT');
      }
      await writeFile(opts.out, xml, { mode: 0o644 });
      for (const warning of warnings) process.stderr.write(`${warning.severity}: ${warning.code} at ${warning.path}\n`);
      printResult(
        options,
        { out: opts.out, number: invoiceModel.number, grossTotal: invoiceModel.summary?.gross ?? null, issues: warnings },
        () => `Wrote ${opts.out} (${invoiceModel.kind} ${invoiceModel.number}, gross ${invoiceModel.summary?.gross ?? '?'} ${invoiceModel.currency})`,
      );
    });
}
