import { generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CertificateEntry } from '../../../../shared/ipc/channels/certificates';
import { AppError } from '../../errors/app-error';
import { openDatabase, type SqliteDatabase } from '../../storage/database';
import { OfflineCoordinator } from './offline-coordinator';
import { OFFLINE_MIGRATIONS } from './offline-schema';
import { OfflineStore } from './offline-store';
import { OutageDetector, type DetectorTimers } from './outage-detector';
import { kod1Url, kod2Url } from '../../invoices/qr';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

const offlineCertificate = {
  id: 'offline-1',
  ksefCertificateType: 'Offline',
  status: 'valid',
  nip: '1111111111',
  serialNumber: '1F20A5D352AE590',
  notAfter: '2028-01-01T00:00:00Z',
} as CertificateEntry;

const manualTimers: DetectorTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

let db: SqliteDatabase;
afterEach(() => db?.close());

function setup(certificates: CertificateEntry[] = [offlineCertificate], options: { locked?: boolean } = {}) {
  db = openDatabase(':memory:', OFFLINE_MIGRATIONS);
  let now = Date.parse('2026-03-05T09:00:00Z');
  let probeAnswer = false;
  const detector = new OutageDetector({ now: () => now, probe: async () => probeAnswer, timers: manualTimers, failureThreshold: 2, minOutageMs: 0 });
  const sends: number[] = [];
  const store = new OfflineStore(() => db);
  const coordinator = new OfflineCoordinator({
    store,
    detector,
    qr: { kod1Url, kod2Url },
    environment: () => 'test',
    clock: { now: () => new Date(now) },
    certificates: {
      list: async () => certificates,
      withPrivateKey: async (_id, fn) => {
        if (options.locked) throw new AppError('VAULT_LOCKED');
        return fn(privateKey, Buffer.alloc(0));
      },
    },
    sendPending: async () => sends.push(now),
  });
  coordinator.start();
  return {
    coordinator,
    detector,
    store,
    sends,
    advance: (ms: number) => (now += ms),
    setProbe: (answer: boolean) => (probeAnswer = answer),
  };
}

const invoice = { id: 'o-1', xml: Buffer.from('<Faktura/>'), issueDate: '2026-03-05', sellerNip: '1111111111' };

describe('OfflineCoordinator', () => {
  it('issues offline only in an outage or when asked', async () => {
    const { coordinator, detector } = setup();
    expect(coordinator.modeFor()).toBe('online');
    expect(coordinator.modeFor('offline')).toBe('offline');
    coordinator.observe(new AppError('KSEF_REJECTED', 'x', ['http:400']));
    coordinator.observe(new AppError('KSEF_REJECTED', 'x', ['http:400']));
    await detector.checkNow();
    expect(coordinator.modeFor()).toBe('online');
    coordinator.observe(new AppError('NETWORK_ERROR', 'x', ['network:ECONNREFUSED']));
    coordinator.observe(new AppError('KSEF_UNAVAILABLE', 'x', ['http:503']));
    await detector.checkNow();
    expect(coordinator.modeFor()).toBe('offline');
    expect(coordinator.canSend()).toBe(false);
  });

  it('gives an offline invoice KOD I and a KOD II signed with the Offline certificate, and an offline24 deadline', async () => {
    const { coordinator } = setup();
    const info = await coordinator.onOfflineIssued(invoice);
    const hashUrl = 'XWAwbj918SGCaDlMnqGTNpRl32IykC0imJOL6KKYyFs';
    expect(info).toMatchObject({
      mode: 'offline24',
      kod1Url: `https://qr-test.ksef.mf.gov.pl/invoice/1111111111/05-03-2026/${hashUrl}`,
      certificateSerial: '01F20A5D352AE590',
      kod2Problem: null,
      deadline: '2026-03-06',
      invoiceHash: 'XWAwbj918SGCaDlMnqGTNpRl32IykC0imJOL6KKYyFs=',
    });
    const signed = `qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/${hashUrl}`;
    const [prefix, signature] = [info.kod2Url?.slice(0, info.kod2Url.lastIndexOf('/')), info.kod2Url?.slice(info.kod2Url.lastIndexOf('/') + 1)];
    expect(prefix).toBe(`https://${signed}`);
    expect(verify('sha256', Buffer.from(signed), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature ?? '', 'base64url'))).toBe(true);
    expect(coordinator.info('o-1')).toEqual(info);
  });

  it('without an Offline certificate the invoice is still issued, marked as missing KOD II, and completed later', async () => {
    const certificates: CertificateEntry[] = [{ ...offlineCertificate, ksefCertificateType: 'Authentication' }];
    const { coordinator } = setup(certificates);
    expect((await coordinator.onOfflineIssued(invoice)).kod2Problem).toBe('NO_OFFLINE_CERTIFICATE');
    certificates.push(offlineCertificate);
    expect(await coordinator.completeMissingKod2(async () => invoice.xml)).toBe(1);
    expect(coordinator.info('o-1')).toMatchObject({ kod2Problem: null, certificateSerial: '01F20A5D352AE590' });
  });

  it('a locked key store is reported as such', async () => {
    const { coordinator } = setup([offlineCertificate], { locked: true });
    expect((await coordinator.onOfflineIssued(invoice)).kod2Problem).toBe('VAULT_LOCKED');
  });

  it('records the detected outage, dates the deadline from its end, and sends when KSeF answers again', async () => {
    const { coordinator, detector, store, sends, advance, setProbe } = setup();
    coordinator.observe(new AppError('NETWORK_ERROR'));
    coordinator.observe(new AppError('NETWORK_ERROR'));
    await detector.checkNow();
    const issued = await coordinator.onOfflineIssued(invoice);
    expect(issued).toMatchObject({ mode: 'unavailability', deadline: null });
    expect(store.outages()).toEqual([{ id: 1, kind: 'unavailability', start: '2026-03-05T09:00:00.000Z', source: 'detected' }]);
    advance(2 * 86_400_000); // Saturday 7 March
    setProbe(true);
    await coordinator.checkNow();
    expect(sends).toHaveLength(1);
    expect(coordinator.canSend()).toBe(true);
    expect(coordinator.deadlineOf('o-1')).toBe('2026-03-09');
  });

  it('keeps the manual switch across restarts and sends when it is turned off', () => {
    const first = setup();
    first.coordinator.setManual(true);
    expect(first.coordinator.modeFor()).toBe('offline');
    expect(first.store.manualOffline()).toBe(true);
    first.coordinator.setManual(false);
    expect(first.sends).toHaveLength(1);
  });

  it('an announced emergency makes new offline invoices "emergency", with 7 business days after it ends', async () => {
    const { coordinator, advance } = setup();
    const id = coordinator.announce({ kind: 'emergency', start: '2026-03-05T08:00:00Z' });
    const issued = await coordinator.onOfflineIssued(invoice);
    expect(issued).toMatchObject({ mode: 'emergency', deadline: null });
    advance(86_400_000);
    expect(coordinator.endAnnouncement(id, '2026-03-06T10:00:00Z')).toBe(true);
    // 9, 10, 11, 12, 13, 16, 17 March.
    expect(coordinator.deadlineOf('o-1')).toBe('2026-03-17');
    expect(coordinator.endAnnouncement(999, null)).toBe(false);
  });

  it('an emergency announced while an offline24 invoice waits moves its deadline', async () => {
    const { coordinator } = setup();
    await coordinator.onOfflineIssued(invoice);
    expect(coordinator.deadlineOf('o-1')).toBe('2026-03-06');
    coordinator.announce({ kind: 'emergency', start: '2026-03-06T07:00:00Z', end: '2026-03-06T12:00:00Z' });
    expect(coordinator.deadlineOf('o-1')).toBe('2026-03-17');
  });
});
