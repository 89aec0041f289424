import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { GlobalOptions } from '../global-options';
import { withRoot } from '../account-session';
import { CliError, printResult } from '../output';

/** `ksef-desk upo KSEF_NUMBER --out F.xml`: the stored UPO (the invoice's own, else the batch session UPO listing it). */
export function registerUpoCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('upo')
    .description('write the UPO (official receipt) of a sent invoice')
    .argument('<ksefNumber>', 'KSeF number of the invoice')
    .requiredOption('--out <file>', 'where to write the UPO XML')
    .action(async (ksefNumber: string, opts: { out: string }) => {
      const options = globals();
      const upo = await withRoot(options, async (root) => {
        const item = root.outbox.store.findByKsefNumber(ksefNumber.trim());
        if (!item) throw new CliError(`No invoice with KSeF number ${ksefNumber} in this profile's outbox`, 'NOT_FOUND');
        const found = root.outbox.service.upo(item.id);
        if (!found) throw new CliError(`The UPO of ${ksefNumber} has not been received yet`, 'UPO_NOT_AVAILABLE');
        return found;
      });
      await writeFile(opts.out, upo.xml);
      printResult(options, { file: opts.out, kind: upo.kind, bytes: Buffer.byteLength(upo.xml) }, () =>
        `UPO ${upo.kind === 'invoice' ? 'of the invoice' : 'of the batch session listing the invoice'} written to ${opts.out}`,
      );
    });
}
