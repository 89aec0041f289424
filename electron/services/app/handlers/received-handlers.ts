import type { Handlers } from '../../../ipc/handlers';
import { DONE } from '../../../../shared/ipc/channels/limits';
import { AppError } from '../../errors/app-error';
import { receivedKod1, type ReceivedServices } from '../../received';

type ReceivedHandlers = Pick<Handlers, Extract<keyof Handlers, `received:${string}`>>;

/** Received invoices over IPC: everything but sync answers from the local archive. */
export function receivedHandlers(received: ReceivedServices): ReceivedHandlers {
  const { archive, sync, exports, documents } = received;
  return {
    'received:list': async (request) => archive.list(request),
    'received:totals': async ({ filter }) => archive.totals(filter),
    'received:get': async ({ id }) => {
      const row = archive.get(id);
      const xml = archive.xml(id);
      const environment = received.environment();
      if (!row.read) archive.markRead([id], true);
      return { row: { ...row, read: true }, view: await documents.view(xml, row, environment), kod1Url: receivedKod1(xml, row, environment) };
    },
    'received:xml': async ({ id }) => {
      const row = archive.get(id);
      return { fileName: `${row.ksefNumber}.xml`, base64: archive.xml(id).toString('base64') };
    },
    'received:pdf': async ({ id }) => {
      const row = archive.get(id);
      const render = documents.pdf;
      if (!render) throw new AppError('NOT_AVAILABLE_IN_ENVIRONMENT', 'PDF rendering is not available');
      return { fileName: `${row.ksefNumber}.pdf`, base64: (await render(received.environment())(archive.xml(id), row)).toString('base64') };
    },
    'received:markRead': async ({ ids, read }) => {
      archive.markRead(ids, read);
      return DONE;
    },
    'received:setState': async ({ id, ...change }) => archive.setState(id, change),
    'received:sellers': async ({ companyNip }) => archive.sellers(companyNip),
    'received:sync': async ({ subject }) => {
      sync.start(subject);
      return DONE;
    },
    'received:syncAll': ({ subject }) => sync.runAll(subject),
    'received:syncState': async () => {
      sync.ensureSchedule();
      return sync.state();
    },
    'received:cancelSync': async () => {
      sync.cancel();
      return DONE;
    },
    'received:export': async ({ filter, format }) => exports.start(filter, format),
    'received:exportStatus': async ({ jobId }) => exports.status(jobId),
    'received:exportCancel': async ({ jobId }) => exports.cancel(jobId),
    'received:exportResult': async ({ jobId }) => exports.take(jobId),
    'received:badges': async () => {
      sync.ensureSchedule();
      return archive.unseen();
    },
    'received:markSeen': async ({ companyNip }) => {
      archive.markSeen(companyNip);
      return DONE;
    },
  };
}
