import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIssueForm, type IssueFormValues } from '../../../shared/ipc/channels/issue';
import { ProfileDatabase } from '../storage/profile-database';
import { writeInvoiceXml } from '../invoices/xml';
import { createIssuingServices, type IssuingServices } from '.';
import { blankSellerProfile } from './seller-profile-store';

const NIP = '5265877635';

function form(issuing: IssuingServices, overrides: Partial<IssueFormValues> = {}): IssueFormValues {
  const base = emptyIssueForm();
  return {
    ...base,
    seriesId: issuing.numbering.list(NIP)[0]!.id,
    issueDate: '2026-03-09',
    buyer: { ...base.buyer, identifier: '7171642051', name: 'Nowak Handel', address: { line1: 'ul. Długa 5', line2: '30-001 Kraków', countryCode: 'PL' } },
    lines: [{ productId: null, name: 'Usługa', quantity: '2', unit: 'h', unitPrice: '150', rate: '23', discount: '', pkwiu: '', gtu: '', annex15: false }],
    ...overrides,
  };
}

describe('IssueService', () => {
  let database: ProfileDatabase;
  let issuing: IssuingServices;
  let enqueued: string[];
  let schemaErrors: { path: string; message: string; messagePl: string }[];
  let outboxAvailable: boolean;

  beforeEach(() => {
    database = new ProfileDatabase(mkdtempSync(path.join(tmpdir(), 'ksef-issue-service-')));
    enqueued = [];
    schemaErrors = [];
    outboxAvailable = true;
    issuing = createIssuingServices({
      database,
      companies: { find: async () => ({ nip: NIP, name: 'Kowalski Usługi', addedAt: '' }) },
      documents: {
        writeXml: (invoice) => writeInvoiceXml(invoice, { now: () => new Date('2026-03-09T10:00:00Z') }),
        validate: async () => ({ valid: schemaErrors.length === 0, errors: schemaErrors }),
      },
      outbox: () =>
        outboxAvailable
          ? {
              enqueue: async ({ xml }) => {
                enqueued.push(xml.toString('utf8'));
                return { id: `outbox-${enqueued.length}` };
              },
              xml: (id) => Buffer.from(enqueued[Number(id.split('-')[1]) - 1] ?? '', 'utf8'),
              get: () => ({ ksefNumber: '5265877635-20260309-0123456789AB-CD', state: 'accepted' }),
              resend: async () => undefined,
            }
          : null,
      onChange: () => undefined,
    });
    issuing.profiles.save({ ...blankSellerProfile(NIP, 'Kowalski Usługi'), address: { line1: 'ul. Prosta 1', line2: '00-001 Warszawa', countryCode: 'PL' } });
  });

  afterEach(() => database.close());

  it('gives the series number only on issue, enqueues the XML, forgets the draft and remembers the buyer', async () => {
    const values = form(issuing);
    const draft = issuing.drafts.save(NIP, values);
    const preview = await issuing.service.preview(NIP, values);
    expect(preview).toMatchObject({ validated: true, problems: [] });
    expect(preview.xml).toContain('<P_2>FV/1/03/2026</P_2>');
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(false);

    const outcome = await issuing.service.issue(NIP, values, draft.id);
    expect(outcome).toMatchObject({ issued: true, invoice: { number: 'FV/1/03/2026', grossTotal: '369.00', outboxId: 'outbox-1', buyerName: 'Nowak Handel' } });
    expect(enqueued[0]).toContain('<P_2>FV/1/03/2026</P_2>');
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(true);
    expect(issuing.drafts.list(NIP)).toEqual([]);
    expect(issuing.contractors.list(NIP)).toEqual([expect.objectContaining({ identifier: '7171642051', name: 'Nowak Handel' })]);
    expect(issuing.issued.list(NIP)).toHaveLength(1);
    expect(issuing.products.list(NIP)).toEqual([expect.objectContaining({ name: 'Usługa', unit: 'h', price: '150', priceMode: 'net', rate: '23' })]);

    const second = await issuing.service.issue(NIP, values);
    expect(second).toMatchObject({ issued: true, invoice: { number: 'FV/2/03/2026' } });
  });

  it('reads a sent invoice back for a correction or a copy', async () => {
    await issuing.service.issue(NIP, form(issuing, { lines: [{ productId: null, name: 'Usługa', quantity: '2', unit: 'h', unitPrice: '150', rate: '23', discount: '10', pkwiu: '', gtu: '', annex15: false }] }));
    const { invoice, ksefNumber } = issuing.service.sentInvoice('outbox-1');
    expect(ksefNumber).toBe('5265877635-20260309-0123456789AB-CD');
    const { correctionForm } = await import('../../../shared/domain/issuing/invoice-to-form');
    const start = correctionForm(invoice, ksefNumber, 'outbox-1');
    expect(start.correction).toMatchObject({ originalNumber: 'FV/1/03/2026', originalIssueDate: '2026-03-09', originalKsefNumber: ksefNumber, sourceId: 'outbox-1' });
    expect(start.correction.linesBefore).toEqual([expect.objectContaining({ name: 'Usługa', quantity: '2', unitPrice: '150', rate: '23', discount: '10' })]);
    expect(start.buyer).toMatchObject({ identifier: '7171642051', name: 'Nowak Handel', saveToBook: false });
  });

  it('does not use a number when the form, the seller data or the schema check stops the invoice', async () => {
    const badNip = await issuing.service.issue(NIP, form(issuing, { buyer: { ...form(issuing).buyer, identifier: '7171642052' } }));
    expect(badNip).toEqual({ issued: false, problems: [expect.objectContaining({ field: 'buyer.identifier', code: 'identifier.NIP_CHECKSUM', severity: 'error' })] });

    schemaErrors = [{ path: '/Faktura/Fa/FaWiersz[1]/P_8B', message: 'bad quantity', messagePl: 'zła ilość' }];
    const invalid = await issuing.service.issue(NIP, form(issuing));
    expect(invalid).toEqual({ issued: false, problems: [expect.objectContaining({ field: 'lines.0.quantity', elementPath: '/Faktura/Fa/FaWiersz[1]/P_8B', messagePl: 'zła ilość' })] });
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(false);
    expect(enqueued).toEqual([]);

    schemaErrors = [];
    issuing.profiles.save(blankSellerProfile(NIP, 'Kowalski Usługi'));
    const noAddress = await issuing.service.issue(NIP, form(issuing));
    expect(noAddress).toMatchObject({ issued: false, problems: [expect.objectContaining({ field: 'seller', code: 'sellerProfile' })] });
    expect(issuing.numbering.isUsed(NIP, 'FV/1/03/2026')).toBe(false);
  });

  it('refuses a typed number that an invoice already has, and says so at the field', async () => {
    expect(await issuing.service.issue(NIP, form(issuing, { number: 'A/1' }))).toMatchObject({ issued: true, invoice: { number: 'A/1' } });
    expect(await issuing.service.issue(NIP, form(issuing, { number: 'A/1' }))).toEqual({ issued: false, problems: [expect.objectContaining({ field: 'number', code: 'numberUsed' })] });
  });

  it('answers a clear error, without using a number, while sending is not available', async () => {
    outboxAvailable = false;
    await expect(issuing.service.issue(NIP, form(issuing))).rejects.toMatchObject({ code: 'KSEF_CLIENT_UNAVAILABLE' });
    expect(issuing.numbering.propose(NIP, form(issuing).seriesId!, '2026-03-09')).toBe('FV/1/03/2026');
  });
});
