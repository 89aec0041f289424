import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { KsefEnvironment } from '../../../shared/domain/environments';
import { AppError } from '../../services/errors/app-error';
import { renderInvoicePdf } from '../../services/invoices/document-service';
import { createConfEngine } from '../../services/settings/conf-engine';
import { SettingsStore } from '../../services/settings/settings-store';
import { resolveProfileDir } from '../../services/storage/profile-dir';
import type { GlobalOptions } from '../global-options';
import { CliError, printResult } from '../output';
import { readInputFile } from './invoice-files';

interface PdfOptions {
  out: string;
  ksefNumber?: string;
  offline?: boolean;
  kod2Url?: string;
}

/** The QR host follows --env, else the profile's environment (the sandbox prints the TEST host). */
function environmentOf(options: GlobalOptions): KsefEnvironment {
  return options.env ?? new SettingsStore(createConfEngine(resolveProfileDir(options.profile))).read().environment;
}

/** `ksef-desk invoice pdf FILE.xml --out F.pdf [--ksef-number N]`: the same PDF the app renders. */
export function registerInvoicePdfCommand(invoice: Command, globals: () => GlobalOptions): void {
  invoice
    .command('pdf <file>')
    .description('render an FA(3) XML file as an A4 PDF (with KOD I once the KSeF number is known)')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--ksef-number <number>', "the invoice's KSeF number: printed in the header and under KOD I")
    .option('--offline', 'an offline invoice without a KSeF number yet: KOD I labelled OFFLINE')
    .option('--kod2-url <url>', 'an already signed KOD II URL (offline invoices) to print as the CERTYFIKAT code')
    .action(async (file: string, opts: PdfOptions) => {
      const options = globals();
      if (opts.kod2Url !== undefined && !/^https:\/\/[^/]+\/certificate\//.test(opts.kod2Url)) {
        throw new CliError('--kod2-url must be a KOD II URL (https://<qr host>/certificate/…)', 'INVALID_INPUT');
      }
      const xml = await readInputFile(file);
      const started = performance.now();
      let pdf: Buffer;
      try {
        pdf = await renderInvoicePdf({
          xml,
          environment: environmentOf(options),
          ksefNumber: opts.ksefNumber ?? null,
          offline: opts.offline === true,
          ...(opts.kod2Url ? { kod2: { url: opts.kod2Url } } : {}),
        });
      } catch (error) {
        if (error instanceof AppError) throw new CliError(`${file}: ${error.message}`, error.code);
        throw error;
      }
      const milliseconds = Math.round(performance.now() - started);
      await writeFile(opts.out, pdf, { mode: 0o644 });
      printResult(options, { out: opts.out, bytes: pdf.length, milliseconds }, () => `Wrote ${opts.out} (${pdf.length} bytes)`);
    });
}
