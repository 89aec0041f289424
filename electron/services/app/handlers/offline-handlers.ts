import type { InvoiceViewData } from '../../../../shared/domain/invoice/view';
import type { Handlers } from '../../../ipc/handlers';
import { AppError } from '../../errors/app-error';
import type { OfflineServices } from '../../outbox/offline';

type OfflineHandlers = { [C in keyof Handlers as C extends `offline:${string}` ? C : never]: Handlers[C] };

/**
 * offline:* — offline mode, outage status, KOD I/KOD II and deadlines, the technical correction, and the
 * invoice view of an outbox item (`viewOf`, built where the outbox and the documents module meet).
 */
export function offlineHandlers(offline: OfflineServices, viewOf: (id: string) => Promise<InvoiceViewData>): OfflineHandlers {
  return {
    'offline:status': () => offline.status(),
    'offline:setManual': async ({ on }) => {
      offline.coordinator.setManual(on);
      return offline.status();
    },
    'offline:check': async () => {
      await offline.coordinator.checkNow();
      return offline.status();
    },
    'offline:invoices': async ({ ids }) => offline.views(ids),
    'offline:completeKod2': async () => ({ completed: await offline.completeKod2() }),
    'offline:view': ({ id }) => viewOf(id),
    'offline:outages': async () => offline.outages(),
    'offline:announce': async ({ kind, start, end }) => {
      offline.coordinator.announce({ kind, start: new Date(start).toISOString(), ...(end ? { end: new Date(end).toISOString() } : {}) });
      return offline.outages();
    },
    'offline:endAnnouncement': async ({ id, end }) => {
      if (!offline.coordinator.endAnnouncement(id, end === null ? null : new Date(end).toISOString())) throw new AppError('NOT_FOUND', `no announced period ${id}`);
      return offline.outages();
    },
    'offline:correctionPreview': ({ id, xml }) => offline.corrections.preview(id, xml),
    'offline:correct': ({ id, xml, acceptDifferences }) => offline.corrections.send(id, xml, acceptDifferences),
  };
}
