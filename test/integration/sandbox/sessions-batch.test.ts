import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { isValidKsefNumber } from '../../../electron/sandbox/invoices/ksef-number';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import {
  batchOpenBody,
  buildTestInvoice,
  canValidateXsd,
  ClientSessionKey,
  encryptParts,
  exceptionCode,
  packDir,
  sessionStatus,
  validateUpo,
  waitFor,
  zipInvoices,
  type EncryptedPart,
  type InvoiceStatusBody,
} from '../../helpers/invoice-builder';
import { expectRequestMatchesSpec } from '../../helpers/openapi-checks';
import { loginWithKsefToken, publicKeyFor } from '../../helpers/sandbox-auth';
import { callChecked } from '../../helpers/sandbox-http';
import { sha256Base64 } from '../../../electron/sandbox/crypto/primitives';

const SELLER = { type: 'Nip', value: '5265877635' } as const;
const OPENED_AT = '2026-03-02T08:00:00.000Z';

interface PartUploadRequest {
  ordinalNumber: number;
  method: string;
  url: string;
  headers: Record<string, string>;
}

const invoices = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    name: `faktura-${i + 1}.xml`,
    xml: buildTestInvoice({ sellerNip: SELLER.value, invoiceNumber: `${prefix}/${i + 1}`, issueDate: '2026-03-01' }),
  }));

async function upload(request: PartUploadRequest, bytes: Buffer, headers: Record<string, string> = request.headers): Promise<number> {
  return (await fetch(request.url, { method: request.method, headers, body: bytes })).status;
}

describe('sandbox: batch sessions', () => {
  let sandbox: RunningSandbox;
  let bearer: string;
  let symmetricKey: { certificate: string; publicKeyId: string };
  const clock = new FakeClock(OPENED_AT);

  beforeAll(async () => {
    sandbox = await startSandbox({ clock, limits: 'off', ...(packDir ? { schemaDir: packDir } : {}) });
    bearer = (await loginWithKsefToken(sandbox, SELLER, ['InvoiceWrite', 'InvoiceRead'])).accessToken.token;
    symmetricKey = await publicKeyFor(sandbox.baseUrl, 'SymmetricKeyEncryption');
  });
  afterAll(() => sandbox.close());

  async function openBatch(archive: Buffer, parts: EncryptedPart[], key: ClientSessionKey, tweak: (body: ReturnType<typeof batchOpenBody>) => unknown = (b) => b) {
    const body = tweak(batchOpenBody(key, symmetricKey, archive, parts));
    const response = await callChecked(sandbox.baseUrl, 'POST', '/sessions/batch', '/sessions/batch', { bearer, body });
    return { response, ...(response.body as { referenceNumber: string; partUploadRequests: PartUploadRequest[] }) };
  }

  const close = (reference: string) => callChecked(sandbox.baseUrl, 'POST', `/sessions/batch/${reference}/close`, '/sessions/batch/{referenceNumber}/close', { bearer });
  const finished = (reference: string) => waitFor(() => sessionStatus(sandbox, bearer, reference), (s) => s.status.code !== 100 && s.status.code !== 150);
  const listInvoices = async (reference: string, failed = false) => {
    const suffix = failed ? '/invoices/failed' : '/invoices';
    const response = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${reference}${suffix}?pageSize=100`, `/sessions/{referenceNumber}${suffix}`, { bearer });
    return (response.body as { invoices: InvoiceStatusBody[] & { invoicingDate?: string }[] }).invoices as (InvoiceStatusBody & { invoicingDate: string })[];
  };

  it('happy path: 2 parts uploaded to presigned URLs → close → every invoice 200 → XSD-valid session UPO', async () => {
    const key = new ClientSessionKey();
    const archive = zipInvoices(invoices('FV/BATCH', 3));
    const parts = encryptParts(key, archive, 2);
    expectRequestMatchesSpec('POST', '/sessions/batch', batchOpenBody(key, symmetricKey, archive, parts));
    const batch = await openBatch(archive, parts, key);
    expect(batch.response.status).toBe(201);
    expect(batch.referenceNumber).toMatch(/^\d{8}-SB-/);
    expect(batch.partUploadRequests.map((r) => [r.ordinalNumber, r.method, r.headers])).toEqual([
      [1, 'PUT', { 'x-ms-blob-type': 'BlockBlob' }],
      [2, 'PUT', { 'x-ms-blob-type': 'BlockBlob' }],
    ]);
    for (const request of batch.partUploadRequests) expect(await upload(request, parts[request.ordinalNumber - 1]?.bytes ?? Buffer.alloc(0))).toBe(201);
    clock.advance(60_000);
    expect((await close(batch.referenceNumber)).status).toBe(204);

    const done = await finished(batch.referenceNumber);
    expect(done).toMatchObject({ status: { code: 200 }, invoiceCount: 3, successfulInvoiceCount: 3, failedInvoiceCount: 0 });
    const listed = await listInvoices(batch.referenceNumber);
    expect(listed.map((i) => i.invoiceFileName)).toEqual(['faktura-1.xml', 'faktura-2.xml', 'faktura-3.xml']);
    for (const invoice of listed) {
      expect(invoice.status.code).toBe(200);
      expect(isValidKsefNumber(invoice.ksefNumber ?? '')).toBe(true);
      // Batch invoices are "accepted" when the session was opened, not when processed.
      expect(new Date(invoice.invoicingDate).toISOString()).toBe(OPENED_AT);
      // P_1 (2026-03-01) is before the acceptance day → automatically Offline.
      expect(invoice.invoicingMode).toBe('Offline');
    }
    const page = done.upo?.pages[0];
    const upoXml = await (await fetch(page?.downloadUrl ?? '')).text();
    expect(upoXml).toContain('<CalkowitaLiczbaDokumentow>3</CalkowitaLiczbaDokumentow>');
    if (canValidateXsd) expect(await validateUpo(upoXml)).toEqual({ ok: true });
  });

  it('one invalid file in the zip fails alone (430) and shows up in the failed listing', async () => {
    const key = new ClientSessionKey();
    const files = [...invoices('FV/MIXED', 2), { name: 'zla.xml', xml: Buffer.from('<?xml version="1.0"?><Faktura>') }];
    const archive = zipInvoices(files);
    const parts = encryptParts(key, archive, 1);
    const batch = await openBatch(archive, parts, key);
    expect(await upload(batch.partUploadRequests[0] as PartUploadRequest, parts[0]?.bytes ?? Buffer.alloc(0))).toBe(201);
    expect((await close(batch.referenceNumber)).status).toBe(204);
    const done = await finished(batch.referenceNumber);
    expect(done).toMatchObject({ status: { code: 200 }, successfulInvoiceCount: 2, failedInvoiceCount: 1 });
    const failed = await listInvoices(batch.referenceNumber, true);
    expect(failed.map((i) => [i.invoiceFileName, i.status.code])).toEqual([['zla.xml', 430]]);
  });

  it('close: a part not uploaded → 21205; a part of another size → 21157', async () => {
    const key = new ClientSessionKey();
    const archive = zipInvoices(invoices('FV/MISSING', 2));
    const parts = encryptParts(key, archive, 2);
    const batch = await openBatch(archive, parts, key);
    expect(await upload(batch.partUploadRequests[0] as PartUploadRequest, parts[0]?.bytes ?? Buffer.alloc(0))).toBe(201);
    expect(exceptionCode(await close(batch.referenceNumber))).toBe(21205);
    expect(await upload(batch.partUploadRequests[1] as PartUploadRequest, Buffer.concat([parts[1]?.bytes ?? Buffer.alloc(0), Buffer.alloc(16)]))).toBe(201);
    expect(exceptionCode(await close(batch.referenceNumber))).toBe(21157);
  });

  it('a part that does not decrypt → session 435; an archive that does not match its hash → 405', async () => {
    const key = new ClientSessionKey();
    const archive = zipInvoices(invoices('FV/CORRUPT', 1));
    const [part] = encryptParts(key, archive, 1);
    // Cut one byte: no longer whole AES blocks, so decryption fails for certain (declared size/hash match the cut bytes).
    const cut = (part?.bytes ?? Buffer.alloc(0)).subarray(1);
    const corrupted = { ordinalNumber: 1, bytes: cut, fileSize: cut.length, fileHash: sha256Base64(cut) };
    const broken = await openBatch(archive, [corrupted], key);
    expect(await upload(broken.partUploadRequests[0] as PartUploadRequest, cut)).toBe(201);
    expect((await close(broken.referenceNumber)).status).toBe(204);
    expect((await finished(broken.referenceNumber)).status.code).toBe(435);

    const parts = encryptParts(key, archive, 1);
    const wrongHash = await openBatch(archive, parts, key, (body) => ({ ...body, batchFile: { ...body.batchFile, fileHash: sha256Base64('other') } }));
    expect(await upload(wrongHash.partUploadRequests[0] as PartUploadRequest, parts[0]?.bytes ?? Buffer.alloc(0))).toBe(201);
    expect((await close(wrongHash.referenceNumber)).status).toBe(204);
    expect((await finished(wrongHash.referenceNumber)).status.code).toBe(405);
  });

  it('open: more than 50 parts → 21161; a part over 100 MB → 21157', async () => {
    const key = new ClientSessionKey();
    const archive = zipInvoices(invoices('FV/LIMITS', 1));
    const part = encryptParts(key, archive, 1)[0] as EncryptedPart;
    const many = Array.from({ length: 51 }, (_, i) => ({ ...part, ordinalNumber: i + 1 }));
    // 51 parts is outside the spec's maxItems, so this body is sent as a client bug would send it.
    expect(exceptionCode((await openBatch(archive, many, key)).response)).toBe(21161);
    const huge = { ...part, fileSize: 100_000_100 };
    expect(exceptionCode((await openBatch(archive, [huge], key)).response)).toBe(21157);
  });

  it('presigned upload: bad signature → 403, expired window → 403, missing blob-type header → 400', async () => {
    const key = new ClientSessionKey();
    const archive = zipInvoices(invoices('FV/SIG', 1));
    const parts = encryptParts(key, archive, 1);
    const batch = await openBatch(archive, parts, key);
    const request = batch.partUploadRequests[0] as PartUploadRequest;
    const bytes = parts[0]?.bytes ?? Buffer.alloc(0);
    const tampered = new URL(request.url);
    tampered.searchParams.set('sig', `${tampered.searchParams.get('sig')?.slice(0, -2)}AA`);
    expect(await upload({ ...request, url: tampered.toString() }, bytes)).toBe(403);
    expect(await upload(request, bytes, {})).toBe(400);
    clock.advance(21 * 60 * 1000);
    expect(await upload(request, bytes)).toBe(403);
    // The access token has expired meanwhile; the same subject logs in again and still owns the session.
    bearer = (await loginWithKsefToken(sandbox, SELLER, ['InvoiceWrite', 'InvoiceRead'])).accessToken.token;
    expect(exceptionCode(await close(batch.referenceNumber))).toBe(21208);
    expect((await sessionStatus(sandbox, bearer, batch.referenceNumber)).status).toMatchObject({ code: 440, details: ['Przekroczono czas wysyłki'] });
  });
});
