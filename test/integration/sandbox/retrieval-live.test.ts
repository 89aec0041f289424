import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { warsawDateOf } from '../../../electron/sandbox/invoices/warsaw-time';
import { buildTestInvoice, invoiceStatus, openOnlineSession, packDir, sendInvoice, waitFor } from '../../helpers/invoice-builder';
import { loginWithKsefToken } from '../../helpers/sandbox-auth';
import { daysAgo, downloadInvoice, queryAll, queryPage, type QueryFilters } from './retrieval-support';

if (!packDir) console.warn('KSeF reference pack not found: skipping live retrieval tests');

const SELLER = { type: 'Nip', value: '7352765225' } as const;
const BUYER = { type: 'Nip', value: '5265877635' } as const;

describe.skipIf(!packDir)('sandbox retrieval: invoices sent through an online session', () => {
  let sandbox: RunningSandbox;
  let sellerToken: string;
  let buyerToken: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off', seedReceived: [{ nip: BUYER.value, count: 15 }] });
    sellerToken = (await loginWithKsefToken(sandbox, SELLER, ['InvoiceWrite', 'InvoiceRead'])).accessToken.token;
    buyerToken = (await loginWithKsefToken(sandbox, BUYER, ['InvoiceRead'])).accessToken.token;
  });
  afterAll(() => sandbox.close());

  it('appears above the published HWM for the buyer and the seller, and downloads byte for byte', async () => {
    const sync = (from: string): QueryFilters => ({
      subjectType: 'Subject2',
      dateRange: { dateType: 'PermanentStorage', from, restrictToPermanentStorageHwmDate: true },
    });
    const before = await queryPage(sandbox, buyerToken, sync(daysAgo(70)), { pageSize: 250 });
    expect(before.invoices).toHaveLength(15);
    const hwmBefore = before.permanentStorageHwmDate!;

    const xml = buildTestInvoice({ sellerNip: SELLER.value, buyerNip: BUYER.value, invoiceNumber: 'FV/LIVE/1', issueDate: warsawDateOf(new Date()) });
    const session = await openOnlineSession(sandbox, sellerToken);
    const sent = await sendInvoice(sandbox, sellerToken, session, xml);
    const invoiceReference = (sent.body as { referenceNumber: string }).referenceNumber;
    const status = await waitFor(
      () => invoiceStatus(sandbox, sellerToken, session.referenceNumber, invoiceReference),
      (s) => s.status.code !== 100 && s.status.code !== 150,
    );
    expect(status.status.code).toBe(200);
    const ksefNumber = status.ksefNumber!;

    // The next incremental window starts at the old HWM; the new invoice shows up once the HWM passes it.
    const next = await waitFor(
      () => queryPage(sandbox, buyerToken, sync(hwmBefore), { pageSize: 250 }),
      (page) => page.invoices.some((row) => row.ksefNumber === ksefNumber),
      5_000,
    );
    const row = next.invoices.find((candidate) => candidate.ksefNumber === ksefNumber)!;
    expect(Date.parse(row.permanentStorageDate)).toBeGreaterThan(Date.parse(hwmBefore));
    expect(row).toMatchObject({ invoiceNumber: 'FV/LIVE/1', seller: { nip: SELLER.value }, buyer: { identifier: { type: 'Nip', value: BUYER.value } }, grossAmount: 123 });

    const sold = await queryAll(sandbox, sellerToken, { subjectType: 'Subject1', dateRange: { dateType: 'Invoicing', from: daysAgo(1) } });
    expect(sold.map((candidate) => candidate.ksefNumber)).toEqual([ksefNumber]);

    const download = await downloadInvoice(sandbox, buyerToken, ksefNumber);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(xml)).toBe(true);
  });
});
