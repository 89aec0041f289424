import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { api, BOOKKEEPER_PESEL, COMPANY_A, personCertificate, xadesLogin } from './credentials-support';

describe('sandbox: limits endpoints', () => {
  let sandbox: RunningSandbox;
  let access: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off' });
    access = await xadesLogin(sandbox, await personCertificate({ nip: COMPANY_A }), COMPANY_A);
  });
  afterAll(() => sandbox.close());

  it('reports context, subject and rate limits', async () => {
    const context = await api(sandbox, access, 'GET', '/limits/context', '/limits/context');
    expect(context.body).toEqual({
      onlineSession: { maxInvoiceSizeInMB: 1, maxInvoiceWithAttachmentSizeInMB: 3, maxInvoices: 10_000 },
      batchSession: { maxInvoiceSizeInMB: 1, maxInvoiceWithAttachmentSizeInMB: 3, maxInvoices: 10_000 },
    });
    const subject = await api(sandbox, access, 'GET', '/limits/subject', '/limits/subject');
    expect(subject.body).toEqual({ enrollment: { maxEnrollments: 300 }, certificate: { maxCertificates: 100 } });
    const rates = await api(sandbox, access, 'GET', '/rate-limits', '/rate-limits');
    expect(rates.body).toMatchObject({ invoiceMetadata: { perSecond: 8, perMinute: 16, perHour: 20 }, other: { perSecond: 10, perMinute: 30, perHour: 120 } });
  });

  it('a PESEL subject has the person limits (12/6)', async () => {
    const response = await fetch(`${sandbox.baseUrl}/testdata/person`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nip: COMPANY_A, pesel: BOOKKEEPER_PESEL, isBailiff: false, description: 'Właściciel' }),
    });
    expect(response.status).toBe(200);
    const personAccess = await xadesLogin(sandbox, await personCertificate({ pesel: BOOKKEEPER_PESEL }), COMPANY_A);
    const limits = await api(sandbox, personAccess, 'GET', '/certificates/limits', '/certificates/limits');
    expect(limits.body).toEqual({ canRequest: true, enrollment: { remaining: 12, limit: 12 }, certificate: { remaining: 6, limit: 6 } });
  });
});
