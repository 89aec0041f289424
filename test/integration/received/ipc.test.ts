import 'reflect-metadata';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReceivedInvoices } from '../../../electron/sandbox/retrieval';
import type { ReceivedExportJob, ReceivedPage, ReceivedSyncState } from '../../../shared/ipc/channels/received';
import { startAppWithSandbox, type AppWithSandbox } from '../../helpers/app-with-sandbox';
import { arrive } from './arrivals';
import { sleep } from './support';

const NIP = '5265877635';

async function finishedExport(app: AppWithSandbox, job: ReceivedExportJob): Promise<ReceivedExportJob> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = (await app.call('received:exportStatus', { jobId: job.jobId })) as ReceivedExportJob;
    if (status.state !== 'running') return status;
    await sleep(20);
  }
  throw new Error('export did not finish');
}

/** The Received page's channels through the real dispatcher: sync with events, browse, open, state, export, badges. */
describe('received invoices over IPC', () => {
  let app: AppWithSandbox;

  beforeAll(async () => {
    app = await startAppWithSandbox({ profilePrefix: 'received-ipc-', company: { nip: NIP, name: 'Pszczółka Miód i Wosk' } });
    seedReceivedInvoices(app.sandbox.deps, NIP, 300);
    await app.call('certificates:createTest', { subject: { kind: 'person', nip: NIP, givenName: 'Jan', surname: 'Testowy' } });
  }, 60_000);
  afterAll(() => app?.close());

  it('refuses to sync without a session, then syncs in the background with progress events', async () => {
    await expect(app.call('received:sync', {})).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await app.call('auth:login', { nip: NIP, method: { kind: 'certificate' } });
    await app.call('received:sync', {});
    for (let i = 0; i < 300 && !app.events.includes('received:synced'); i++) await sleep(50);
    expect(app.events).toContain('received:progress');
    expect(app.events).toContain('received:synced');
    const state = (await app.call('received:syncState', {})) as ReceivedSyncState;
    expect(state.running).toBeNull();
    expect(state.last).toEqual([expect.objectContaining({ companyNip: NIP, subject: 'buyer', error: null })]);
    const page = (await app.call('received:list', { filter: { companyNip: NIP }, limit: 50 })) as ReceivedPage;
    expect(page.total).toBe(300);
    expect(page.rows).toHaveLength(50);
    expect(await app.call('received:badges', {})).toEqual([{ companyNip: NIP, unseen: 300 }]);
  }, 60_000);

  it('opens an invoice as the shared view with KOD I, marks it read, booked and paid with a note', async () => {
    const page = (await app.call('received:list', { filter: {}, limit: 1, sort: { field: 'gross', direction: 'desc' } })) as ReceivedPage;
    const row = page.rows[0]!;
    const detail = (await app.call('received:get', { id: row.id })) as { row: { read: boolean }; view: { ksefNumber: string; qrCodes: { kind: string }[] } | null; kod1Url: string };
    expect(detail.row.read).toBe(true);
    expect(detail.view?.ksefNumber).toBe(row.ksefNumber);
    expect(detail.view?.qrCodes.map((code) => code.kind)).toEqual(['KOD_I']);
    expect(detail.kod1Url).toContain(`/invoice/${row.sellerNip}/`);
    const changed = await app.call('received:setState', { id: row.id, booked: true, paid: true, note: 'KPiR poz. 3' });
    expect(changed).toMatchObject({ note: 'KPiR poz. 3', read: true });
    const pdf = (await app.call('received:pdf', { id: row.id })) as { base64: string };
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await app.call('received:markSeen', { companyNip: NIP });
    expect(await app.call('received:badges', {})).toEqual([]);
  }, 60_000);

  it('exports the filtered set as CSV and as a ZIP of XMLs, and a cancelled export yields nothing', async () => {
    const filter = { companyNip: NIP, currency: 'PLN' };
    const total = ((await app.call('received:list', { filter, limit: 1 })) as ReceivedPage).total;
    const csvJob = await finishedExport(app, (await app.call('received:export', { filter, format: 'csv' })) as ReceivedExportJob);
    expect(csvJob).toMatchObject({ state: 'done', done: total, total });
    const csv = Buffer.from(((await app.call('received:exportResult', { jobId: csvJob.jobId })) as { base64: string }).base64, 'base64').toString('utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(total + 1);

    const zipJob = await finishedExport(app, (await app.call('received:export', { filter, format: 'zip-xml' })) as ReceivedExportJob);
    const zip = unzipSync(Buffer.from(((await app.call('received:exportResult', { jobId: zipJob.jobId })) as { base64: string }).base64, 'base64'));
    expect(Object.keys(zip)).toHaveLength(total);

    const started = (await app.call('received:export', { filter: { companyNip: NIP }, format: 'zip-pdf' })) as ReceivedExportJob;
    await app.call('received:exportCancel', { jobId: started.jobId });
    const cancelled = await finishedExport(app, started);
    expect(cancelled.state).toBe('cancelled');
    await expect(app.call('received:exportResult', { jobId: started.jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 120_000);

  it('a later sync brings the invoices that arrived since, as badges', async () => {
    const arrived = arrive(app.sandbox, NIP, 3);
    await sleep(2_100);
    app.events.length = 0;
    await app.call('received:sync', {});
    for (let i = 0; i < 300 && !app.events.includes('received:synced'); i++) await sleep(50);
    expect(await app.call('received:badges', {})).toEqual([{ companyNip: NIP, unseen: arrived.length }]);
  }, 60_000);

  it('the schedule covers every company: another one syncs through its own default certificate, the signed-in one waits 15 minutes', async () => {
    const OTHER = '7762811692';
    await app.call('companies:add', { nip: OTHER, name: 'Biuro Drugie' });
    await app.call('certificates:createTest', { subject: { kind: 'person', nip: OTHER, givenName: 'Anna', surname: 'Druga' } });
    const seeded = seedReceivedInvoices(app.sandbox.deps, OTHER, 40);
    const ran = await app.root.received.sync.scheduledTick();
    expect(ran).toEqual([{ companyNip: OTHER, subject: 'buyer' }]);
    const page = (await app.call('received:list', { filter: { companyNip: OTHER }, limit: 100 })) as ReceivedPage;
    expect(page.rows.map((row) => row.ksefNumber).sort()).toEqual(seeded.map((invoice) => invoice.ksefNumber).sort());
    expect(((await app.call('auth:status', {})) as { session: { contextNip: string } }).session.contextNip).toBe(NIP);
  }, 60_000);

  it('fetches for every company in one go, the signed-in one first, and names a company it cannot sign in to', async () => {
    const OTHER = '7762811692'; // added with its own test certificate above
    const WITHOUT_CERTIFICATE = '9876543210';
    await app.call('companies:add', { nip: WITHOUT_CERTIFICATE, name: 'Klient Bez Certyfikatu' });
    const arrivedHere = arrive(app.sandbox, NIP, 2);
    const arrivedThere = arrive(app.sandbox, OTHER, 5);
    await sleep(2_100);
    const results = await app.call('received:syncAll', {});
    expect(results).toEqual([
      { companyNip: NIP, imported: arrivedHere.length },
      { companyNip: OTHER, imported: arrivedThere.length },
      { companyNip: WITHOUT_CERTIFICATE, imported: 0, error: 'NOT_SIGNED_IN' },
    ]);
    const page = (await app.call('received:list', { filter: { companyNip: OTHER }, limit: 100 })) as ReceivedPage;
    expect(page.rows.map((row) => row.ksefNumber)).toEqual(expect.arrayContaining(arrivedThere));
  }, 60_000);
});
