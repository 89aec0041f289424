import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestInvoice } from '../../../electron/sandbox/sessions/client-kit';
import { qrPngDataUrl, verifyKod2Url } from '../../../electron/services/invoices/qr';
import { decodeQrDataUrl, missingTools } from '../../../electron/services/invoices/qr/testing/decode-tools';
import { warsawDate } from '../../../shared/domain/business-days';
import { eventually, SELLER_NIP, startOfflineWorld, type OfflineWorld } from './support';

let world: OfflineWorld | undefined;
afterEach(async () => {
  await world?.setFaults(null).catch(() => undefined);
  await world?.close();
  world = undefined;
});

const today = () => warsawDate(new Date());
const invoice = (number: string) => buildTestInvoice({ sellerNip: SELLER_NIP, invoiceNumber: number, issueDate: today() });
const noZbar = missingTools('zbarimg');

describe('offline issuing against the sandbox', () => {
  it('outage → new invoices offline with KOD I and KOD II → sent automatically with offlineMode when KSeF answers again', { timeout: 120_000 }, async () => {
    const w = (world = await startOfflineWorld());
    // Online first: the session works.
    const first = await w.outbox.enqueue({ xml: invoice('OFF/1'), origin: 'issued' });
    await w.outbox.sendPending();
    expect(w.store.get(first.id)?.state).toBe('accepted');

    // KSeF goes down while an invoice is being sent: failures, then a failing probe → offline.
    const started = w.nextEvent('outage-started');
    await w.setFaults('outage');
    const stuck = await w.outbox.enqueue({ xml: invoice('OFF/2'), origin: 'issued' });
    expect(stuck.state).toBe('queued');
    await w.outbox.sendPending().catch(() => undefined);
    await w.outbox.sendPending().catch(() => undefined);
    await started;
    expect(w.coordinator.modeFor()).toBe('offline');

    // Issued during the outage: offline, with both codes.
    const xml = invoice('OFF/3');
    const offline = await w.outbox.enqueue({ xml, origin: 'issued' });
    expect(offline.state).toBe('offline');
    const info = w.coordinator.info(offline.id);
    if (!info?.kod2Url) throw new Error(`no KOD II: ${info?.kod2Problem ?? 'no offline record'}`);
    const hash = createHash('sha256').update(xml).digest('base64url');
    const [year, month, day] = today().split('-');
    expect(info.kod1Url).toBe(`https://qr-test.ksef.mf.gov.pl/invoice/${SELLER_NIP}/${day}-${month}-${year}/${hash}`);
    expect(info.kod2Url).toContain(`/certificate/Nip/${SELLER_NIP}/${SELLER_NIP}/${info.certificateSerial}/${hash}/`);
    expect(verifyKod2Url(info.kod2Url, w.offlineCertificateDer)).toBe(true);
    expect(info).toMatchObject({ mode: 'unavailability', deadline: null });

    // KSeF answers again: the probe notices, the outbox sends what waited, offline ones with offlineMode.
    const ended = w.nextEvent('outage-ended');
    await w.setFaults(null);
    await ended;
    await eventually(() => ['accepted', 'rejected'].includes(w.store.get(offline.id)?.state ?? '') && w.store.get(stuck.id)?.state === 'accepted', 'the automatic send');
    expect(w.store.get(offline.id)).toMatchObject({ state: 'accepted' });
    const [stored] = w.inSandbox('OFF/3');
    expect(stored).toMatchObject({ invoicingMode: 'Offline', invoiceHash: createHash('sha256').update(xml).digest('base64') });
    expect(w.inSandbox('OFF/2')).toHaveLength(1);
    // The deadline now runs from the end of the outage: the next business day after it.
    expect(w.coordinator.deadlineOf(offline.id)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(w.coordinator.deadlineOf(offline.id)! > today()).toBe(true);
  });

  it.skipIf(noZbar)('the printed KOD I and KOD II decode to the URLs', async () => {
    const w = (world = await startOfflineWorld());
    w.coordinator.setManual(true);
    const offline = await w.outbox.enqueue({ xml: invoice('QR/1'), origin: 'issued' });
    const info = w.coordinator.info(offline.id);
    expect(info?.mode).toBe('offline24');
    for (const url of [info?.kod1Url ?? '', info?.kod2Url ?? '']) {
      expect(decodeQrDataUrl(await qrPngDataUrl(url))).toEqual([url]);
    }
  });
});
