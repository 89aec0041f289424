import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { buildAuthTokenRequestXml } from '../../../electron/services/signing/auth-token-request';
import { signXadesEnveloped } from '../../../electron/services/signing/xades-sign';
import { buildTestInvoice, invoiceStatus, openOnlineSession, sendInvoice, waitFor, type InvoiceStatusBody } from '../../helpers/invoice-builder';
import { authStatus, newChallenge, redeem, type AuthStart } from '../../helpers/sandbox-auth';
import { callChecked } from '../../helpers/sandbox-http';
import { COMPANY_A, personCertificate } from './credentials-support';

/** After a XAdES sign-in, the UPO quotes the SHA-256 of exactly the signed AuthTokenRequest that was sent. */
describe('sandbox: UPO of a session opened after a XAdES sign-in', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
  });
  afterAll(() => sandbox.close());

  it('carries SkrotDokumentuUwierzytelniajacego = Base64 SHA-256 of the signed document', async () => {
    const certificate = await personCertificate({ nip: COMPANY_A });
    const challenge = await newChallenge(sandbox.baseUrl);
    const unsigned = buildAuthTokenRequestXml({
      challenge: challenge.challenge,
      contextIdentifier: { type: 'Nip', value: COMPANY_A },
      subjectIdentifierType: 'certificateSubject',
    });
    const signed = signXadesEnveloped(unsigned, certificate.key, certificate.der);
    const submitted = await callChecked(sandbox.baseUrl, 'POST', '/auth/xades-signature', '/auth/xades-signature', {
      rawBody: signed,
      headers: { 'content-type': 'application/xml' },
    });
    const start = submitted.body as AuthStart;
    expect((await authStatus(sandbox.baseUrl, start)).status.code).toBe(200);
    const bearer = (await redeem(sandbox.baseUrl, start)).accessToken.token;

    const session = await openOnlineSession(sandbox, bearer);
    const today = new Date().toISOString().slice(0, 10);
    const sent = await sendInvoice(sandbox, bearer, session, buildTestInvoice({ sellerNip: COMPANY_A, invoiceNumber: 'FV/XADES/1', issueDate: today }));
    const invoiceRef = (sent.body as { referenceNumber: string }).referenceNumber;
    const status = await waitFor(
      () => invoiceStatus(sandbox, bearer, session.referenceNumber, invoiceRef),
      (s: InvoiceStatusBody) => s.status.code !== 100 && s.status.code !== 150,
    );
    expect(status.status.code).toBe(200);

    const upo = await callChecked(sandbox.baseUrl, 'GET', `/sessions/${session.referenceNumber}/invoices/${invoiceRef}/upo`, '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo', { bearer });
    const expectedHash = createHash('sha256').update(signed, 'utf8').digest('base64');
    expect(upo.body as string).toContain(`<SkrotDokumentuUwierzytelniajacego>${expectedHash}</SkrotDokumentuUwierzytelniajacego>`);
  });
});
