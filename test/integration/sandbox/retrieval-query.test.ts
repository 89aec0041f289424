import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { invoiceArchive } from '../../../electron/sandbox/invoices/archive';
import { tuneRetrieval, type InvoiceMetadataJson } from '../../../electron/sandbox/retrieval';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { loginWithKsefToken } from '../../helpers/sandbox-auth';
import { daysAgo, downloadInvoice, errorCodesOf, queryAll, queryMetadata, queryPage, type QueryFilters } from './retrieval-support';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping retrieval query tests');

const BUYER_NIP = '5265877635';
const SEEDED = 120;

describe.skipIf(!pack)('sandbox retrieval: metadata query and download', () => {
  let sandbox: RunningSandbox;
  let buyerToken: string;
  let all: InvoiceMetadataJson[];
  const received = (extra: Partial<QueryFilters> = {}): QueryFilters => ({
    subjectType: 'Subject2',
    dateRange: { dateType: 'Invoicing', from: daysAgo(70) },
    ...extra,
  });

  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off', seedReceived: [{ nip: BUYER_NIP, count: SEEDED }] });
    buyerToken = (await loginWithKsefToken(sandbox, { type: 'Nip', value: BUYER_NIP }, ['InvoiceRead'])).accessToken.token;
    all = await queryAll(sandbox, buyerToken, received());
  });
  afterAll(() => sandbox.close());

  it('the buyer (Subject2) sees every seeded invoice, with metadata matching the archive', () => {
    expect(all).toHaveLength(SEEDED);
    expect(new Set(all.map((invoice) => invoice.ksefNumber)).size).toBe(SEEDED);
    const archive = invoiceArchive(sandbox.deps.store).byKsefNumber;
    for (const row of all) {
      const stored = archive[row.ksefNumber]!;
      expect(row.buyer.identifier).toEqual({ type: 'Nip', value: BUYER_NIP });
      expect(row.invoiceHash).toBe(stored.invoiceHash);
      expect(row.grossAmount).toBe(Number(stored.facts.grossAmount));
      expect(row.invoicingMode).toBe('Online');
      expect(row.formCode).toEqual({ systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' });
      // invoicingDate ≤ acquisitionDate ≤ permanentStorageDate, and accepted on the issue day.
      expect(Date.parse(row.invoicingDate)).toBeLessThanOrEqual(Date.parse(row.acquisitionDate));
      expect(Date.parse(row.acquisitionDate)).toBeLessThanOrEqual(Date.parse(row.permanentStorageDate));
    }
    expect(all.some((row) => row.currency === 'EUR')).toBe(true);
    expect(all.some((row) => row.thirdSubjects.length > 0)).toBe(true);
    // Sorted ascending by the chosen date type.
    expect(all.map((row) => row.invoicingDate)).toEqual([...all.map((row) => row.invoicingDate)].sort());
  });

  it('a seller (Subject1) sees only its own invoices; as buyer it sees none of them', async () => {
    const counts = new Map<string, number>();
    for (const row of all) counts.set(row.seller.nip, (counts.get(row.seller.nip) ?? 0) + 1);
    const [sellerNip] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const sellerToken = (await loginWithKsefToken(sandbox, { type: 'Nip', value: sellerNip }, ['InvoiceRead'])).accessToken.token;
    const sold = await queryAll(sandbox, sellerToken, received({ subjectType: 'Subject1' }));
    expect(sold.map((row) => row.ksefNumber).sort()).toEqual(all.filter((row) => row.seller.nip === sellerNip).map((row) => row.ksefNumber).sort());
    expect(await queryAll(sandbox, sellerToken, received())).toEqual([]);
    // Subject3 for the buyer: it is not a third subject anywhere.
    expect(await queryAll(sandbox, buyerToken, received({ subjectType: 'Subject3' }))).toEqual([]);
  });

  it('filters: currency, invoice type, invoice number, amount range, seller NIP', async () => {
    const eur = await queryAll(sandbox, buyerToken, received({ currencyCodes: ['EUR'] }));
    expect(eur.length).toBeGreaterThan(0);
    expect(eur).toEqual(all.filter((row) => row.currency === 'EUR'));

    const corrections = await queryAll(sandbox, buyerToken, received({ invoiceTypes: ['Kor'] }));
    expect(corrections.length).toBeGreaterThan(0);
    expect(corrections).toEqual(all.filter((row) => row.invoiceType === 'Kor'));

    const target = all[17]!;
    expect(await queryAll(sandbox, buyerToken, received({ invoiceNumber: target.invoiceNumber }))).toEqual(
      all.filter((row) => row.invoiceNumber === target.invoiceNumber),
    );
    expect(await queryAll(sandbox, buyerToken, received({ ksefNumber: target.ksefNumber }))).toEqual([target]);

    const grosses = all.map((row) => row.grossAmount).sort((a, b) => a - b);
    const [low, high] = [grosses[30]!, grosses[80]!];
    const inRange = await queryAll(sandbox, buyerToken, received({ amount: { type: 'Brutto', from: low, to: high } }));
    expect(inRange).toEqual(all.filter((row) => row.grossAmount >= low && row.grossAmount <= high));
    expect(inRange.length).toBeGreaterThanOrEqual(51);

    const vatAtLeast = await queryAll(sandbox, buyerToken, received({ amount: { type: 'Vat', from: 1000 } }));
    expect(vatAtLeast).toEqual(all.filter((row) => row.vatAmount >= 1000));

    expect(await queryAll(sandbox, buyerToken, received({ sellerNip: target.seller.nip }))).toEqual(all.filter((row) => row.seller.nip === target.seller.nip));
    expect(await queryAll(sandbox, buyerToken, received({ hasAttachment: true, invoicingMode: 'Online', formType: 'FA' }))).toEqual([]);
  });

  it('pages with hasMore, and sorts Desc as the reverse of Asc', async () => {
    const pages = [];
    for (let pageOffset = 0; pageOffset < 13; pageOffset++) pages.push(await queryPage(sandbox, buyerToken, received(), { pageOffset, pageSize: 10 }));
    expect(pages.map((page) => page.invoices.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0]);
    expect(pages.map((page) => page.hasMore)).toEqual([...Array(11).fill(true), false, false]);
    expect(pages.every((page) => !page.isTruncated && page.permanentStorageHwmDate === undefined)).toBe(true);
    expect(pages.flatMap((page) => page.invoices)).toEqual(all);

    const descending = await queryAll(sandbox, buyerToken, received(), 'Desc');
    expect(descending).toEqual([...all].reverse());

    const byIssue = await queryAll(sandbox, buyerToken, received({ dateRange: { dateType: 'Issue', from: daysAgo(70) } }));
    expect(byIssue).toHaveLength(SEEDED);
    expect(byIssue.map((row) => row.issueDate)).toEqual([...byIssue.map((row) => row.issueDate)].sort());
  });

  it('rejects a range over 3 months, a bad page size and a bad sort order with 21405', async () => {
    const tooLong = await queryMetadata(sandbox, buyerToken, received({ dateRange: { dateType: 'Issue', from: daysAgo(100) } }));
    expect(tooLong.status).toBe(400);
    expect(errorCodesOf(tooLong)).toEqual([21405]);
    const explicitTooLong = await queryMetadata(sandbox, buyerToken, received({ dateRange: { dateType: 'Invoicing', from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:01Z' } }));
    expect(errorCodesOf(explicitTooLong)).toEqual([21405]);
    // Exactly 3 months on the Warsaw calendar (local time without offset) is allowed.
    const exactlyThree = await queryMetadata(
      sandbox,
      buyerToken,
      received({ dateRange: { dateType: 'Invoicing', from: '2025-01-01T00:00:00', to: '2025-04-01T00:00:00' } }),
      {},
      false,
    );
    expect(exactlyThree.status).toBe(200);
    // From Warsaw midnight (23:00Z): 3 months end at 22:00Z on the Warsaw calendar, 23:00Z on the UTC one; either suffices.
    const utcCalendar = { dateType: 'Invoicing', from: '2024-12-31T23:00:00Z', to: '2025-03-31T23:00:00Z' };
    expect((await queryMetadata(sandbox, buyerToken, received({ dateRange: utcCalendar }))).status).toBe(200);
    const beyondBoth = { ...utcCalendar, to: '2025-03-31T23:00:00.001Z' };
    expect(errorCodesOf(await queryMetadata(sandbox, buyerToken, received({ dateRange: beyondBoth })))).toEqual([21405]);
    expect(errorCodesOf(await queryMetadata(sandbox, buyerToken, received(), { pageSize: 5 }))).toEqual([21405]);
    expect(errorCodesOf(await queryMetadata(sandbox, buyerToken, received(), { sortOrder: 'Sideways' }))).toEqual([21405]);
  });

  it('downloads the exact stored bytes with their hash; other parties get 21164', async () => {
    const target = all.find((row) => row.thirdSubjects.length === 0 && row.invoiceType === 'Vat')!;
    const download = await downloadInvoice(sandbox, buyerToken, target.ksefNumber);
    expect(download.status).toBe(200);
    const stored = invoiceArchive(sandbox.deps.store).byKsefNumber[target.ksefNumber]!;
    expect(download.bytes.equals(stored.xml)).toBe(true);
    expect(download.hashHeader).toBe(createHash('sha256').update(download.bytes).digest('base64'));
    expect(download.hashHeader).toBe(target.invoiceHash);

    const otherSeller = all.find((row) => row.seller.nip !== target.seller.nip)!.seller.nip;
    const otherToken = (await loginWithKsefToken(sandbox, { type: 'Nip', value: otherSeller }, ['InvoiceRead'])).accessToken.token;
    const refused = await downloadInvoice(sandbox, otherToken, target.ksefNumber);
    expect(refused.status).toBe(400);
    expect((refused.body as { exception: { exceptionDetailList: { exceptionCode: number }[] } }).exception.exceptionDetailList[0]!.exceptionCode).toBe(21164);

    const sellerToken = (await loginWithKsefToken(sandbox, { type: 'Nip', value: target.seller.nip }, ['InvoiceRead'])).accessToken.token;
    expect((await downloadInvoice(sandbox, sellerToken, target.ksefNumber)).bytes.equals(stored.xml)).toBe(true);
    const unknown = `${BUYER_NIP}-20250101-0123456789AB-00`;
    expect((await downloadInvoice(sandbox, buyerToken, unknown)).status).toBe(400);
  });

  it('incremental sync by PermanentStorage with a lowered row cap returns every invoice exactly once after dedupe', async () => {
    tuneRetrieval(sandbox.deps, { metadataRowCap: 25 });
    try {
      const seen = new Map<string, number>();
      let from = daysAgo(70);
      let truncations = 0;
      let hwm: string | undefined;
      for (let guard = 0; guard < 100; guard++) {
        let finished = false;
        for (let pageOffset = 0; ; pageOffset++) {
          const filters = received({ dateRange: { dateType: 'PermanentStorage', from, restrictToPermanentStorageHwmDate: true } });
          const page = await queryPage(sandbox, buyerToken, filters, { pageOffset, pageSize: 10, sortOrder: 'Asc' });
          expect(page.permanentStorageHwmDate).toBeDefined();
          expect(Date.parse(page.permanentStorageHwmDate!)).toBeLessThanOrEqual(Date.now());
          hwm = page.permanentStorageHwmDate;
          for (const row of page.invoices) seen.set(row.ksefNumber, (seen.get(row.ksefNumber) ?? 0) + 1);
          if (!page.hasMore) {
            finished = true;
            break;
          }
          if (page.isTruncated) {
            truncations++;
            from = page.invoices.at(-1)!.permanentStorageDate;
            break;
          }
        }
        if (finished) break;
      }
      expect(truncations).toBeGreaterThanOrEqual(4);
      expect([...seen.keys()].sort()).toEqual(all.map((row) => row.ksefNumber).sort());
      // Windows are adjacent with an inclusive boundary: only boundary rows repeat, and only once.
      expect(Math.max(...seen.values())).toBeLessThanOrEqual(2);

      // The next cycle starts at the HWM; a `from` beyond it is 21183 while restricting to the HWM.
      const next = await queryPage(sandbox, buyerToken, received({ dateRange: { dateType: 'PermanentStorage', from: hwm!, restrictToPermanentStorageHwmDate: true } }));
      expect(next.invoices).toEqual([]);
      const ahead = await queryMetadata(
        sandbox,
        buyerToken,
        received({
          dateRange: {
            dateType: 'PermanentStorage',
            from: new Date(Date.now() + 60_000).toISOString(),
            to: new Date(Date.now() + 120_000).toISOString(),
            restrictToPermanentStorageHwmDate: true,
          },
        }),
      );
      expect(ahead.status).toBe(400);
      expect(errorCodesOf(ahead)).toEqual([21183]);
    } finally {
      tuneRetrieval(sandbox.deps, { metadataRowCap: 10_000 });
    }
  });
});
