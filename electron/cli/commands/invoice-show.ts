import type { Command } from 'commander';
import { computeLineAmounts, computeTotals } from '../../../shared/domain/invoice/totals';
import { formatPartyIdentifier } from '../../../shared/domain/invoice/describe';
import type { Invoice, PartyIdentifier } from '../../../shared/domain/invoice/model';
import type { GlobalOptions } from '../global-options';
import { printResult } from '../output';
import { readInvoiceFile } from './invoice-files';

/**
 * What `invoice show --json` prints: the model, with each line's `netTotal`/`grossTotal` filled in from the
 * computed amounts where the XML states only one of them, plus the computed `totals`.
 */
export function invoiceShowJson(invoice: Invoice) {
  return {
    ...invoice,
    lines: invoice.lines.map((line) => {
      const amounts = computeLineAmounts(line);
      return { ...line, netTotal: line.netTotal ?? amounts.net, grossTotal: line.grossTotal ?? amounts.gross };
    }),
    totals: computeTotals(invoice),
  };
}

/** `NIP 1234567890`, `VAT UE DE123`, `ID US 123`, or '' for no identifier. */
function identifierLabel(identifier: PartyIdentifier): string {
  const value = formatPartyIdentifier(identifier);
  const label = { NIP: 'NIP', EU_VAT: 'VAT UE', FOREIGN: 'ID', INTERNAL: 'IDWew', NONE: '' }[identifier.type];
  return value ? `${label} ${value}` : '';
}

function party(label: string, identifier: string, name: string | undefined): string {
  return `${label.padEnd(8)}${[identifier, name].filter(Boolean).join('  ') || '(none)'}`;
}

export function describeInvoiceForHumans(invoice: Invoice): string {
  const totals = computeTotals(invoice);
  const summary = invoice.summary ?? totals.summary;
  const rows = [
    `${invoice.kind} ${invoice.number}  issued ${invoice.issueDate}  ${invoice.currency}`,
    party('Seller', `NIP ${invoice.seller.nip}`, invoice.seller.name),
    party('Buyer', identifierLabel(invoice.buyer.identifier), invoice.buyer.name),
    ...invoice.thirdParties.map((third) =>
      party('Party', identifierLabel(third.identifier), `${third.name ?? ''} (role ${third.role ?? third.otherRole ?? '?'})`),
    ),
  ];
  if (invoice.correction) {
    for (const corrected of invoice.correction.corrected) {
      rows.push(`Corrects ${corrected.number} of ${corrected.issueDate}${corrected.ksefNumber ? ` (KSeF ${corrected.ksefNumber})` : ''}`);
    }
  }
  rows.push('Lines:');
  invoice.lines.forEach((line, index) => {
    const amounts = computeLineAmounts(line);
    const quantity = line.quantity ? `${line.quantity} ${line.unit ?? ''} × ${line.unitNetPrice ?? line.unitGrossPrice ?? ''}  ` : '';
    const before = line.beforeCorrection ? ' [before correction]' : '';
    rows.push(`  ${line.lineNumber ?? index + 1}. ${line.name ?? ''}  ${quantity}${line.rate ?? ''}  ${amounts.gross}${before}`);
  });
  for (const rate of totals.byRate) {
    rows.push(`  rate ${rate.label}: net ${rate.net}  VAT ${rate.vat}${rate.vatPln ? ` (PLN ${rate.vatPln})` : ''}  gross ${rate.gross}`);
  }
  rows.push(`Total gross: ${summary.gross} ${invoice.currency}`);
  return rows.join('\n');
}

/** `ksef-desk invoice show FILE.xml`: the parsed invoice (JSON with --json, else a readable summary). */
export function registerInvoiceShowCommand(invoice: Command, globals: () => GlobalOptions): void {
  invoice
    .command('show <file>')
    .description('read an FA(3) XML file and print the invoice')
    .action(async (file: string) => {
      const options = globals();
      const parsed = await readInvoiceFile(file);
      printResult(options, invoiceShowJson(parsed), () => describeInvoiceForHumans(parsed));
    });
}
