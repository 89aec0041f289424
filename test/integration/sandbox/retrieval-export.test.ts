import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { gunzipSync, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import { tuneRetrieval } from '../../../electron/sandbox/retrieval';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { encryptWithCertificate, loginWithKsefToken, publicKeyFor } from '../../helpers/sandbox-auth';
import { call } from '../../helpers/sandbox-http';
import { downloadPackage, exportStatus, finishedExport, metadataOf, newClientKey, startExport, type ClientKey, type ExportStatus } from './retrieval-export-support';
import { daysAgo, errorCodesOf, queryAll, type QueryFilters } from './retrieval-support';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping retrieval export tests');

const BUYER_NIP = '5265877635';
const SEEDED = 120;

describe.skipIf(!pack)('sandbox retrieval: invoice exports', () => {
  let sandbox: RunningSandbox;
  let clock: FakeClock;
  let buyerToken: string;
  let clientKey: ClientKey;
  let firstExport: { referenceNumber: string; status: ExportStatus } | undefined;

  const receivedSince = (from: string): QueryFilters => ({
    subjectType: 'Subject2',
    dateRange: { dateType: 'PermanentStorage', from, restrictToPermanentStorageHwmDate: true },
  });

  beforeAll(async () => {
    clock = new FakeClock(new Date());
    sandbox = await startSandbox({ limits: 'off', clock, seedReceived: [{ nip: BUYER_NIP, count: SEEDED }] });
    buyerToken = (await loginWithKsefToken(sandbox, { type: 'Nip', value: BUYER_NIP }, ['InvoiceRead'])).accessToken.token;
    clientKey = await newClientKey(sandbox);
  });
  afterAll(() => sandbox.close());

  it('exports every received invoice in several encrypted parts; files and _metadata.json match the query', async () => {
    tuneRetrieval(sandbox.deps, { exportPartBytes: 64 * 1024 });
    try {
      const filters = receivedSince(daysAgo(70));
      firstExport = await finishedExport(sandbox, buyerToken, { encryption: clientKey.encryption, filters });
      const { referenceNumber, status } = firstExport;
      expect(status.status).toEqual({ code: 200, description: 'Eksport faktur zakończony sukcesem' });
      const packageInfo = status.package!;
      expect(packageInfo.invoiceCount).toBe(SEEDED);
      expect(packageInfo.isTruncated).toBe(false);
      expect(packageInfo.lastPermanentStorageDate).toBeUndefined();
      expect(packageInfo.permanentStorageHwmDate).toBeDefined();
      expect(packageInfo.parts.length).toBeGreaterThanOrEqual(2);
      expect(packageInfo.parts.map((part) => part.partName)).toEqual(packageInfo.parts.map((_, i) => `${referenceNumber}-${String(i + 1).padStart(3, '0')}.zip.aes`));

      const files = unzipSync(new Uint8Array(await downloadPackage(status, clientKey)));
      const archive = invoiceArchive(sandbox.deps.store).byKsefNumber;
      const invoiceFiles = Object.keys(files).filter((name) => name !== '_metadata.json');
      expect(invoiceFiles).toHaveLength(SEEDED);
      for (const name of invoiceFiles) expect(Buffer.from(files[name]!).equals(archive[name.replace(/\.xml$/, '')]!.xml)).toBe(true);
      const queried = await queryAll(sandbox, buyerToken, filters);
      expect(metadataOf(files)).toEqual(queried);
      expect(invoiceFiles.sort()).toEqual(queried.map((row) => `${row.ksefNumber}.xml`).sort());
    } finally {
      tuneRetrieval(sandbox.deps, { exportPartBytes: 52_428_800 });
    }
  });

  it('truncated exports chained by lastPermanentStorageDate cover every invoice exactly once after dedupe', async () => {
    tuneRetrieval(sandbox.deps, { exportInvoiceCap: 50 });
    try {
      const seen = new Map<string, number>();
      let from = daysAgo(70);
      let exportsRun = 0;
      for (;;) {
        const { status } = await finishedExport(sandbox, buyerToken, { encryption: clientKey.encryption, filters: receivedSince(from), onlyMetadata: true });
        exportsRun++;
        const files = unzipSync(new Uint8Array(await downloadPackage(status, clientKey)));
        expect(Object.keys(files)).toEqual(['_metadata.json']);
        const rows = metadataOf(files);
        expect(rows).toHaveLength(status.package!.invoiceCount);
        for (const row of rows) seen.set(row.ksefNumber, (seen.get(row.ksefNumber) ?? 0) + 1);
        if (!status.package!.isTruncated) break;
        expect(status.package!.lastPermanentStorageDate).toBe(rows.at(-1)!.permanentStorageDate);
        from = status.package!.lastPermanentStorageDate!;
      }
      expect(exportsRun).toBe(3);
      expect(seen.size).toBe(SEEDED);
      expect(Math.max(...seen.values())).toBeLessThanOrEqual(2);
    } finally {
      tuneRetrieval(sandbox.deps, { exportInvoiceCap: 10_000 });
    }
  });

  it('TarGz packages hold the same files as a ustar archive', async () => {
    const { status } = await finishedExport(sandbox, buyerToken, {
      encryption: clientKey.encryption,
      filters: { ...receivedSince(daysAgo(70)), currencyCodes: ['EUR'] },
      compressionType: 'TarGz',
    });
    expect(status.package!.parts[0]!.partName).toMatch(/-001\.tar\.gz\.aes$/);
    const tar = Buffer.from(gunzipSync(new Uint8Array(await downloadPackage(status, clientKey))));
    const names: string[] = [];
    for (let offset = 0; offset + 512 <= tar.length; ) {
      const name = tar.subarray(offset, offset + 100).toString('utf8').replace(/\0.*$/s, '');
      if (!name) break;
      const size = parseInt(tar.subarray(offset + 124, offset + 136).toString('ascii'), 8);
      names.push(name);
      offset += 512 + Math.ceil(size / 512) * 512;
    }
    expect(names).toHaveLength(status.package!.invoiceCount + 1);
    expect(names.at(-1)).toBe('_metadata.json');
  });

  it('a key that does not unwrap ends the export with status 415; an unknown reference is 21175', async () => {
    const garbage = { ...clientKey.encryption, encryptedSymmetricKey: randomBytes(512).toString('base64') };
    const { status } = await finishedExport(sandbox, buyerToken, { encryption: garbage, filters: receivedSince(daysAgo(70)) });
    expect(status.status.code).toBe(415);
    expect(status.package).toBeUndefined();

    const certificate = await publicKeyFor(sandbox.baseUrl, 'SymmetricKeyEncryption');
    const shortKey = { ...clientKey.encryption, encryptedSymmetricKey: encryptWithCertificate(certificate.certificate, randomBytes(16)) };
    expect((await finishedExport(sandbox, buyerToken, { encryption: shortKey, filters: receivedSince(daysAgo(70)) })).status.status.code).toBe(415);

    const unknown = await exportStatus(sandbox, buyerToken, '20250101-EH-0000000000-0000000000-00');
    expect(unknown.status).toBe(400);
    expect(errorCodesOf(unknown)).toEqual([21175]);
  });

  it('from after the HWM with the restrict flag ends the export with status 420', async () => {
    const future = new Date(clock.now().getTime() + 60_000);
    const filters = { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: future.toISOString(), to: new Date(future.getTime() + 60_000).toISOString(), restrictToPermanentStorageHwmDate: true } };
    const { status } = await finishedExport(sandbox, buyerToken, { encryption: clientKey.encryption, filters });
    expect(status.status.code).toBe(420);
  });

  it('allows at most 10 exports in progress per context (21182)', async () => {
    tuneRetrieval(sandbox.deps, { exportDelayMs: 600_000 });
    try {
      const token = (await loginWithKsefToken(sandbox, { type: 'Nip', value: '7352765225' }, ['InvoiceRead'])).accessToken.token;
      const body = { encryption: clientKey.encryption, filters: receivedSince(daysAgo(10)) };
      for (let i = 0; i < 10; i++) expect((await startExport(sandbox, token, body)).status).toBe(201);
      const refused = await startExport(sandbox, token, body);
      expect(refused.status).toBe(400);
      expect(errorCodesOf(refused)).toEqual([21182]);
      // Other contexts are not affected.
      expect((await startExport(sandbox, buyerToken, body)).status).toBe(201);
    } finally {
      tuneRetrieval(sandbox.deps, { exportDelayMs: 20 });
    }
  });

  it('part links need their signature and expire; the package expires (210) and the status is gone after 7 days (410)', async () => {
    const { referenceNumber, status } = firstExport!;
    const url = new URL(status.package!.parts[0]!.url);
    expect((await fetch(`${url.origin}${url.pathname}`)).status).toBe(403);
    url.searchParams.set('se', String(Date.parse(status.package!.parts[0]!.expirationDate) + 3_600_000));
    expect((await fetch(url)).status).toBe(403);

    clock.advance(4 * 86_400_000);
    const token = (await loginWithKsefToken(sandbox, { type: 'Nip', value: BUYER_NIP }, ['InvoiceRead'])).accessToken.token;
    expect((await fetch(status.package!.parts[0]!.url)).status).toBe(403);
    const expired = (await exportStatus(sandbox, token, referenceNumber)).body as ExportStatus;
    expect(expired.status.code).toBe(210);
    expect(expired.package).toBeUndefined();

    clock.advance(4 * 86_400_000);
    const laterToken = (await loginWithKsefToken(sandbox, { type: 'Nip', value: BUYER_NIP }, ['InvoiceRead'])).accessToken.token;
    const gone = await call(sandbox.baseUrl, 'GET', `/invoices/exports/${referenceNumber}`, { bearer: laterToken });
    expect(gone.status).toBe(410);
    expect(gone.contentType).toContain('application/problem+json');
  });
});
