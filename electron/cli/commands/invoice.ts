import type { Command } from 'commander';
import type { GlobalOptions } from '../global-options';
import { registerInvoiceNewCommand } from './invoice-new';
import { registerInvoicePdfCommand } from './invoice-pdf';
import { registerInvoiceShowCommand } from './invoice-show';
import { registerInvoiceValidateCommand } from './invoice-validate';

/**
 * `ksef-desk invoice …`: FA(3) documents. Each subcommand lives in its own file (invoice-<name>.ts) and is
 * registered here with one line.
 */
export function registerInvoiceCommands(program: Command, globals: () => GlobalOptions): void {
  const invoice = program.command('invoice').description('FA(3) invoices: show, create, validate and render XML files');
  registerInvoiceShowCommand(invoice, globals);
  registerInvoiceNewCommand(invoice, globals);
  registerInvoiceValidateCommand(invoice, globals);
  registerInvoicePdfCommand(invoice, globals);
}
