import type { Command } from 'commander';
import { OUTBOX_STATES, type OutboxState } from '../../../shared/ipc/channels/outbox';
import type { GlobalOptions } from '../global-options';
import { withRoot } from '../account-session';
import { CliError, printResult } from '../output';

/** `ksef-desk outbox list`: what the outbox holds, newest first. */
export function registerOutboxCommands(program: Command, globals: () => GlobalOptions): void {
  const outbox = program.command('outbox').description('invoices sent and waiting to be sent');
  outbox
    .command('list')
    .description('list outbox invoices with status and KSeF number')
    .option('--state <state>', `only this state: ${OUTBOX_STATES.join(', ')}`)
    .option('--search <text>', 'invoice number, buyer, KSeF number or file name contains')
    .option('--limit <n>', 'at most this many (default 1000)', (value) => Number(value))
    .action(async (opts: { state?: string; search?: string; limit?: number }) => {
      const options = globals();
      if (opts.state && !(OUTBOX_STATES as readonly string[]).includes(opts.state)) throw new CliError(`--state must be one of ${OUTBOX_STATES.join(', ')}`, 'INVALID_INPUT');
      const limit = opts.limit ?? 1000;
      if (!Number.isInteger(limit) || limit < 1) throw new CliError('--limit takes a positive whole number', 'INVALID_INPUT');
      const page = await withRoot(options, async (root) =>
        root.outbox.service.list({ ...(opts.state ? { states: [opts.state as OutboxState] } : {}), ...(opts.search ? { search: opts.search } : {}), limit, offset: 0 }),
      );
      printResult(options, page.items, () =>
        page.items.length === 0
          ? 'The outbox is empty'
          : page.items.map((i) => `${i.state.padEnd(9)} ${i.invoiceNumber.padEnd(20)} ${i.ksefNumber ?? '-'.padEnd(35)} ${i.grossTotal} ${i.currency} ${i.buyerName}`).join('\n'),
      );
    });
}
