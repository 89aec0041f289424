import type { Handlers } from '../../../ipc/handlers';
import { AppError } from '../../errors/app-error';
import type { OutboxService } from '../../outbox';

type Pick2<Prefix extends string> = { [C in keyof Handlers as C extends `${Prefix}:${string}` ? C : never]: Handlers[C] };

export interface OutboxHandlerDeps {
  outbox: OutboxService;
  /** Helper C's renderInvoicePdf once wired; null answers NOT_AVAILABLE. */
  renderPdf?: ((input: { id: string; xml: Buffer; ksefNumber?: string; offline: boolean }) => Promise<Buffer>) | null;
  log?: (message: string, error?: unknown) => void;
}

const fileBase = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100);

/** outbox:* — the sending queue and what came back from KSeF. */
export function outboxHandlers({ outbox, renderPdf, log }: OutboxHandlerDeps): Pick2<'outbox'> {
  const kick = () => void outbox.sendPending().catch((error: unknown) => log?.('sending failed', error));
  return {
    'outbox:list': async ({ states, search, limit, offset }) => outbox.list({ ...(states ? { states } : {}), ...(search ? { search } : {}), limit, offset }),
    'outbox:get': async ({ id }) => outbox.get(id),
    'outbox:importFiles': async ({ files }) => {
      // All files checked in one validator run and stored in one transaction.
      const results = await outbox.enqueueMany(files.map((file) => ({ xml: Buffer.from(file.contentBase64, 'base64'), origin: 'imported' as const, fileName: file.name })));
      return results.map((result, index) => {
        const name = files[index]?.name ?? '';
        return result.ok ? { name, id: result.item.id } : { name, id: null, error: result.problems };
      });
    },
    'outbox:sendNow': async () => {
      const plan = outbox.plan();
      kick();
      return plan;
    },
    'outbox:plan': async () => outbox.plan(),
    'outbox:setMode': async ({ mode }) => outbox.setMode(mode),
    'outbox:resend': async ({ id, xml }) => {
      const detail = await outbox.resend(id, xml === undefined ? undefined : Buffer.from(xml, 'utf8'));
      kick();
      return detail;
    },
    'outbox:upoXml': async ({ id }) => {
      const item = outbox.get(id);
      const upo = outbox.upo(id);
      if (!upo) throw new AppError('UPO_NOT_AVAILABLE', 'no UPO yet', [item.state]);
      return { fileName: `UPO-${fileBase(item.ksefNumber ?? item.invoiceNumber)}.xml`, xml: upo.xml };
    },
    'outbox:invoiceXml': async ({ id }) => {
      const item = outbox.get(id);
      return { fileName: fileBase(item.fileName ?? `${item.invoiceNumber}.xml`), xml: outbox.xml(id).toString('utf8') };
    },
    'outbox:pdf': async ({ id }) => {
      if (!renderPdf) throw new AppError('KSEF_CLIENT_UNAVAILABLE', 'PDF rendering is not wired');
      const item = outbox.get(id);
      const pdf = await renderPdf({ id, xml: outbox.xml(id), offline: item.offlineMode && !item.ksefNumber, ...(item.ksefNumber ? { ksefNumber: item.ksefNumber } : {}) });
      return { fileName: `${fileBase(item.invoiceNumber || item.id)}.pdf`, pdfBase64: pdf.toString('base64') };
    },
  };
}
