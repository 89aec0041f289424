import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import { isValidKsefNumber } from '../../../electron/sandbox/invoices/ksef-number';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { sessionSettings } from '../../../electron/sandbox/sessions';
import { FA3_FORM_CODE } from '../../../electron/sandbox/sessions/client-kit';
import {
  buildTestInvoice,
  canValidateXsd,
  ClientSessionKey,
  exceptionCode,
  invoiceStatus,
  openOnlineSession,
  packDir,
  sendInvoice,
  sendInvoiceBody,
  sessionStatus,
  validateUpo,
  waitFor,
  type InvoiceStatusBody,
} from '../../helpers/invoice-builder';
import { call, callChecked } from '../../helpers/sandbox-http';
import { loginWithKsefToken, publicKeyFor } from '../../helpers/sandbox-auth';

const SELLER = { type: 'Nip', value: '5265877635' } as const;
const OTHER = { type: 'Nip', value: '7352765225' } as const;
const ISSUE_DATE = '2026-03-02';

if (!packDir) console.warn('[sessions] KSeF reference pack not found: invoices are checked structurally, UPO XSD checks are skipped.');

const invoice = (number: string, sellerNip: string = SELLER.value) => buildTestInvoice({ sellerNip, invoiceNumber: number, issueDate: ISSUE_DATE });
const refOf = (response: { body: unknown }) => (response.body as { referenceNumber: string }).referenceNumber;
const settled = (s: InvoiceStatusBody) => s.status.code !== 100 && s.status.code !== 150;

describe('sandbox: online sessions', () => {
  let sandbox: RunningSandbox;
  let bearer: string;
  let otherBearer: string;
  const clock = new FakeClock('2026-03-02T08:00:00.000Z');

  beforeAll(async () => {
    sandbox = await startSandbox({ clock, limits: 'off', ...(packDir ? { schemaDir: packDir } : {}) });
    bearer = (await loginWithKsefToken(sandbox, SELLER, ['InvoiceWrite', 'InvoiceRead'])).accessToken.token;
    otherBearer = (await loginWithKsefToken(sandbox, OTHER, ['InvoiceWrite'])).accessToken.token;
  });
  afterAll(() => sandbox.close());

  it('happy path: send → 200 with a valid KSeF number → per-invoice UPO → close → session UPO (XSD-valid)', async () => {
    const session = await openOnlineSession(sandbox, bearer);
    expect(session.referenceNumber).toMatch(/^\d{8}-SO-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/);
    const sent = await sendInvoice(sandbox, bearer, session, invoice('FV/ONLINE/1'));
    expect(sent.status).toBe(202);
    const status = await waitFor(() => invoiceStatus(sandbox, bearer, session.referenceNumber, refOf(sent)), settled);
    expect(status.status).toMatchObject({ code: 200, description: 'Sukces' });
    expect(status.invoiceNumber).toBe('FV/ONLINE/1');
    expect(status.invoicingMode).toBe('Online');
    expect(status.ksefNumber).toMatch(/^5265877635-20260302-[0-9A-F]{12}-[0-9A-F]{2}$/);
    expect(isValidKsefNumber(status.ksefNumber ?? '')).toBe(true);

    const stored = invoiceArchive(sandbox.deps.store).byKsefNumber[status.ksefNumber ?? ''];
    expect(stored).toMatchObject({ sessionReferenceNumber: session.referenceNumber, invoiceReferenceNumber: refOf(sent), invoicingMode: 'Online' });

    const byRef = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session.referenceNumber}/invoices/${refOf(sent)}/upo`, '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo', { bearer });
    expect(byRef.status).toBe(200);
    expect(byRef.contentType).toContain('application/xml');
    const upoXml = byRef.body as string;
    expect(byRef.headers.get('x-ms-meta-hash')).toBe(createHash('sha256').update(upoXml).digest('base64'));
    expect(upoXml).toContain(`<NumerKSeFDokumentu>${status.ksefNumber}</NumerKSeFDokumentu>`);
    const byKsef = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session.referenceNumber}/invoices/ksef/${status.ksefNumber}/upo`, '/sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo', { bearer });
    expect(byKsef.body).toBe(upoXml);
    const presigned = await fetch(status.upoDownloadUrl ?? '');
    expect(presigned.status).toBe(200);
    expect(await presigned.text()).toBe(upoXml);

    const close = await callChecked(sandbox.baseUrl, 'POST', `/sessions/online/${session.referenceNumber}/close`, '/sessions/online/{referenceNumber}/close', { bearer });
    expect(close.status).toBe(204);
    const closed = await waitFor(() => sessionStatus(sandbox, bearer, session.referenceNumber), (s) => s.status.code !== 170);
    expect(closed).toMatchObject({ status: { code: 200 }, invoiceCount: 1, successfulInvoiceCount: 1, failedInvoiceCount: 0 });
    const page = closed.upo?.pages[0];
    expect(page?.referenceNumber).toMatch(/^\d{8}-EU-/);
    const sessionUpo = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session.referenceNumber}/upo/${page?.referenceNumber}`, '/sessions/{referenceNumber}/upo/{upoReferenceNumber}', { bearer });
    expect(sessionUpo.body).toContain('<CalkowitaLiczbaDokumentow>1</CalkowitaLiczbaDokumentow>');
    expect(await (await fetch(page?.downloadUrl ?? '')).text()).toBe(sessionUpo.body);

    if (canValidateXsd) {
      expect(await validateUpo(upoXml)).toEqual({ ok: true });
      expect(await validateUpo(sessionUpo.body as string)).toEqual({ ok: true });
    }
  });

  it('rejects duplicates (440 with the original), bad XML (430) and foreign sellers (410); lists them as failed', async () => {
    const session = await openOnlineSession(sandbox, bearer);
    const first = await sendInvoice(sandbox, bearer, session, invoice('FV/DUP/1'));
    const original = await waitFor(() => invoiceStatus(sandbox, bearer, session.referenceNumber, refOf(first)), settled);
    expect(original.status.code).toBe(200);
    const duplicate = await sendInvoice(sandbox, bearer, session, invoice('FV/DUP/1'));
    const broken = await sendInvoice(sandbox, bearer, session, Buffer.from('<Faktura><niedomkniety></Faktura>'));
    const foreign = await sendInvoice(sandbox, bearer, session, invoice('FV/FOREIGN/1', OTHER.value));

    const dup = await waitFor(() => invoiceStatus(sandbox, bearer, session.referenceNumber, refOf(duplicate)), settled);
    expect(dup.status.code).toBe(440);
    expect(dup.status.extensions).toEqual({ originalSessionReferenceNumber: session.referenceNumber, originalKsefNumber: original.ksefNumber });
    expect((await waitFor(() => invoiceStatus(sandbox, bearer, session.referenceNumber, refOf(broken)), settled)).status.code).toBe(430);
    expect((await waitFor(() => invoiceStatus(sandbox, bearer, session.referenceNumber, refOf(foreign)), settled)).status.code).toBe(410);

    const failed = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session.referenceNumber}/invoices/failed`, '/sessions/{referenceNumber}/invoices/failed', { bearer });
    const failedCodes = (failed.body as { invoices: InvoiceStatusBody[] }).invoices.map((i) => i.status.code);
    expect(failedCodes).toEqual([440, 430, 410]);
    const all = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session.referenceNumber}/invoices`, '/sessions/{referenceNumber}/invoices', { bearer });
    expect((all.body as { invoices: InvoiceStatusBody[] }).invoices.map((i) => i.ordinalNumber)).toEqual([1, 2, 3, 4]);
  });

  it('checks declared sizes and hashes: 21402 / 21403, plain and encrypted', async () => {
    const session = await openOnlineSession(sandbox, bearer);
    const xml = invoice('FV/HASH/1');
    const wrongHash = createHash('sha256').update('something else').digest('base64');
    expect(exceptionCode(await sendInvoice(sandbox, bearer, session, xml, (b) => ({ ...b, invoiceHash: wrongHash })))).toBe(21403);
    expect(exceptionCode(await sendInvoice(sandbox, bearer, session, xml, (b) => ({ ...b, encryptedInvoiceHash: wrongHash })))).toBe(21403);
    expect(exceptionCode(await sendInvoice(sandbox, bearer, session, xml, (b) => ({ ...b, invoiceSize: b.invoiceSize + 1 })))).toBe(21402);
    expect(exceptionCode(await sendInvoice(sandbox, bearer, session, xml, (b) => ({ ...b, encryptedInvoiceSize: b.encryptedInvoiceSize + 16 })))).toBe(21402);
    // Deliberately outside the spec (invoiceSize ≥ 1), so sent without the request-schema check.
    const invalid = { ...sendInvoiceBody(session.key, xml), invoiceSize: 0 };
    const response = await call(sandbox.baseUrl, 'POST', `/sessions/online/${session.referenceNumber}/invoices`, { bearer, body: invalid });
    expect(exceptionCode(response)).toBe(21405);
  });

  it('enforces the per-session invoice limit (21155), closed sessions (21180) and ownership (21173)', async () => {
    const settings = sessionSettings(sandbox.deps);
    settings.maxInvoicesPerSession = 2;
    try {
      const session = await openOnlineSession(sandbox, bearer);
      expect((await sendInvoice(sandbox, bearer, session, invoice('FV/LIMIT/1'))).status).toBe(202);
      expect((await sendInvoice(sandbox, bearer, session, invoice('FV/LIMIT/2'))).status).toBe(202);
      expect(exceptionCode(await sendInvoice(sandbox, bearer, session, invoice('FV/LIMIT/3')))).toBe(21155);

      expect(exceptionCode(await sendInvoice(sandbox, otherBearer, session, invoice('FV/OTHER/1')))).toBe(21173);
      const foreignRead = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session.referenceNumber}`, '/sessions/{referenceNumber}', { bearer: otherBearer });
      expect(exceptionCode(foreignRead)).toBe(21173);

      await callChecked(sandbox.baseUrl, 'POST', `/sessions/online/${session.referenceNumber}/close`, '/sessions/online/{referenceNumber}/close', { bearer });
      expect(exceptionCode(await sendInvoice(sandbox, bearer, session, invoice('FV/LIMIT/4')))).toBe(21180);
      const again = await callChecked(sandbox.baseUrl, 'POST', `/sessions/online/${session.referenceNumber}/close`, '/sessions/online/{referenceNumber}/close', { bearer });
      expect(exceptionCode(again)).toBe(21180);
    } finally {
      settings.maxInvoicesPerSession = 10_000;
    }
  });

  it('open: other forms → 21405; a key that does not unwrap → 201 with status 415; closing an empty session → 440', async () => {
    const certificate = await publicKeyFor(sandbox.baseUrl, 'SymmetricKeyEncryption');
    const encryption = new ClientSessionKey().encryptionInfo(certificate.certificate, certificate.publicKeyId);
    const pef = await callChecked(sandbox.baseUrl, 'POST', '/sessions/online', '/sessions/online', {
      bearer,
      body: { formCode: { systemCode: 'PEF (3)', schemaVersion: '2-1', value: 'PEF' }, encryption },
    });
    expect(exceptionCode(pef)).toBe(21405);

    const garbledKey = { ...encryption, encryptedSymmetricKey: Buffer.alloc(256, 7).toString('base64') };
    const badKey = await callChecked(sandbox.baseUrl, 'POST', '/sessions/online', '/sessions/online', { bearer, body: { formCode: FA3_FORM_CODE, encryption: garbledKey } });
    expect(badKey.status).toBe(201);
    expect((await sessionStatus(sandbox, bearer, refOf(badKey))).status.code).toBe(415);

    const empty = await openOnlineSession(sandbox, bearer);
    await callChecked(sandbox.baseUrl, 'POST', `/sessions/online/${empty.referenceNumber}/close`, '/sessions/online/{referenceNumber}/close', { bearer });
    const closed = await waitFor(() => sessionStatus(sandbox, bearer, empty.referenceNumber), (s) => s.status.code !== 170);
    expect(closed.status).toMatchObject({ code: 440, details: ['Nie przesłano faktur'] });
  });

  it('GET /sessions: own sessions only, newest first, continuation-token paging and status filters', async () => {
    const context = { type: 'Nip', value: '1111111111' } as const;
    const token = (await loginWithKsefToken(sandbox, context, ['InvoiceWrite'])).accessToken.token;
    const opened: string[] = [];
    for (let i = 0; i < 12; i++) {
      opened.push((await openOnlineSession(sandbox, token)).referenceNumber);
      clock.advance(1000);
    }
    const first = await callChecked(sandbox.baseUrl, 'GET', '/sessions?sessionType=Online&pageSize=10', '/sessions', { bearer: token });
    const firstBody = first.body as { continuationToken?: string; sessions: { referenceNumber: string }[] };
    expect(firstBody.sessions.map((s) => s.referenceNumber)).toEqual(opened.slice().reverse().slice(0, 10));
    const second = await callChecked(sandbox.baseUrl, 'GET', '/sessions?sessionType=Online&pageSize=10', '/sessions', {
      bearer: token,
      headers: { 'x-continuation-token': firstBody.continuationToken ?? '' },
    });
    const secondBody = second.body as { continuationToken?: string; sessions: { referenceNumber: string }[] };
    expect(secondBody.sessions.map((s) => s.referenceNumber)).toEqual(opened.slice(0, 2).reverse());
    expect(secondBody.continuationToken ?? null).toBeNull();

    const succeeded = await callChecked(sandbox.baseUrl, 'GET', '/sessions?sessionType=Online&statuses=Succeeded', '/sessions', { bearer: token });
    expect((succeeded.body as { sessions: unknown[] }).sessions).toEqual([]);
    expect(exceptionCode(await callChecked(sandbox.baseUrl, 'GET', '/sessions', '/sessions', { bearer: token }))).toBe(21405);
    const badToken = await callChecked(sandbox.baseUrl, 'GET', '/sessions?sessionType=Online', '/sessions', { bearer: token, headers: { 'x-continuation-token': 'nonsense' } });
    expect(exceptionCode(badToken)).toBe(21418);
  });

  it('technical correction of an accepted invoice → 21167; a session past its 12 h is closed automatically', async () => {
    const session = await openOnlineSession(sandbox, bearer);
    const xml = invoice('FV/TECH/1');
    const sent = await sendInvoice(sandbox, bearer, session, xml);
    expect((await waitFor(() => invoiceStatus(sandbox, bearer, session.referenceNumber, refOf(sent)), settled)).status.code).toBe(200);
    const correction = await sendInvoice(sandbox, bearer, session, invoice('FV/TECH/2'), (b) => ({
      ...b,
      offlineMode: true,
      hashOfCorrectedInvoice: createHash('sha256').update(xml).digest('base64'),
    }));
    expect(exceptionCode(correction)).toBe(21167);

    clock.advance(12 * 60 * 60 * 1000 + 1000);
    const fresh = (await loginWithKsefToken(sandbox, SELLER, ['InvoiceWrite', 'InvoiceRead'])).accessToken.token;
    const expired = await waitFor(() => sessionStatus(sandbox, fresh, session.referenceNumber), (s) => s.status.code !== 100 && s.status.code !== 170);
    expect(expired).toMatchObject({ status: { code: 200 }, successfulInvoiceCount: 1 });
    bearer = fresh;
    otherBearer = (await loginWithKsefToken(sandbox, OTHER, ['InvoiceWrite'])).accessToken.token;
  });

  it('presigned UPO links: a tampered signature is refused (403), no Bearer needed for a good one', async () => {
    const session = await openOnlineSession(sandbox, bearer);
    const sent = await sendInvoice(sandbox, bearer, session, invoice('FV/PRESIGN/1'));
    const status = await waitFor(() => invoiceStatus(sandbox, bearer, session.referenceNumber, refOf(sent)), settled);
    const url = new URL(status.upoDownloadUrl ?? '');
    url.searchParams.set('sig', 'A'.repeat(43));
    expect((await call('', 'GET', url.toString())).status).toBe(403);
    url.searchParams.set('se', '1');
    expect((await fetch(url)).status).toBe(403);
  });
});
