import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIssueForm, type IssueFormValues } from '../../../shared/ipc/channels/issue';
import { ProfileDatabase } from '../storage/profile-database';
import { writeInvoiceXml } from '../invoices/xml';
import { createIssuingServices, type IssuingServices } from '.';
import { copyAsNewForm } from './draft-store';
import { blankSellerProfile } from './seller-profile-store';

const NIP = '5265877635';

/** An outbox with states: entries are queued when added or resent; a test rejects or accepts them. */
class StatefulOutbox {
  readonly entries: { xml: string; state: string }[] = [];
  readonly resent: string[] = [];
  enqueue = async ({ xml }: { xml: Buffer }) => {
    this.entries.push({ xml: xml.toString('utf8'), state: 'queued' });
    return { id: `outbox-${this.entries.length}` };
  };
  xml = (id: string) => Buffer.from(this.entry(id).xml, 'utf8');
  get = (id: string) => ({ ksefNumber: null, state: this.entry(id).state });
  resend = async (id: string, xml: Buffer) => {
    const entry = this.entry(id);
    if (entry.state !== 'rejected') throw new Error(`resend of a ${entry.state} entry`);
    entry.xml = xml.toString('utf8');
    entry.state = 'queued';
    this.resent.push(id);
  };
  private entry(id: string) {
    const entry = this.entries[Number(id.split('-')[1]) - 1];
    if (!entry) throw new Error(`no entry ${id}`);
    return entry;
  }
}

describe('fixing an invoice KSeF rejected, in the form', () => {
  let database: ProfileDatabase;
  let issuing: IssuingServices;
  let outbox: StatefulOutbox;

  const values = (issuing: IssuingServices, price: string): IssueFormValues => {
    const base = emptyIssueForm();
    return {
      ...base,
      seriesId: issuing.numbering.list(NIP)[0]!.id,
      issueDate: '2026-03-09',
      buyer: { ...base.buyer, identifier: '7171642051', name: 'Nowak Handel', address: { line1: 'ul. Długa 5', line2: '30-001 Kraków', countryCode: 'PL' } },
      lines: [{ productId: null, name: 'Usługa', quantity: '2', unit: 'h', unitPrice: price, rate: '23', discount: '', pkwiu: '', gtu: '', annex15: false }],
    };
  };

  beforeEach(() => {
    database = new ProfileDatabase(mkdtempSync(path.join(tmpdir(), 'ksef-rejected-fix-')));
    outbox = new StatefulOutbox();
    issuing = createIssuingServices({
      database,
      companies: { find: async () => ({ nip: NIP, name: 'Kowalski Usługi', addedAt: '' }) },
      documents: { writeXml: (invoice) => writeInvoiceXml(invoice, { now: () => new Date('2026-03-09T10:00:00Z') }), validate: async () => ({ valid: true, errors: [] }) },
      outbox: () => outbox,
      onChange: () => undefined,
    });
    issuing.profiles.save({ ...blankSellerProfile(NIP, 'Kowalski Usługi'), address: { line1: 'ul. Prosta 1', line2: '00-001 Warszawa', countryCode: 'PL' } });
  });

  afterEach(() => database.close());

  it('keeps the number and dates, replaces the rejected entry and its record, and uses no new number', async () => {
    const first = await issuing.service.issue(NIP, values(issuing, '100'));
    expect(first).toMatchObject({ issued: true, invoice: { number: 'FV/1/03/2026', outboxId: 'outbox-1', grossTotal: '246.00' } });
    outbox.entries[0]!.state = 'rejected';

    const { companyNip, form } = issuing.service.fixRejectedForm('outbox-1');
    expect(companyNip).toBe(NIP);
    expect(form).toMatchObject({ number: 'FV/1/03/2026', issueDate: '2026-03-09', replacesOutboxId: 'outbox-1', buyer: { name: 'Nowak Handel', identifier: '7171642051' } });
    expect(form.lines[0]).toMatchObject({ name: 'Usługa', quantity: '2', unitPrice: '100' });

    const fixed = await issuing.service.issue(NIP, { ...form, lines: [{ ...form.lines[0]!, unitPrice: '150' }] });
    expect(fixed).toMatchObject({ issued: true, invoice: { number: 'FV/1/03/2026', outboxId: 'outbox-1', grossTotal: '369.00' } });
    expect(outbox.entries).toHaveLength(1);
    expect(outbox.resent).toEqual(['outbox-1']);
    expect(outbox.entries[0]).toMatchObject({ state: 'queued' });
    expect(outbox.entries[0]!.xml).toContain('<P_2>FV/1/03/2026</P_2>');
    expect(outbox.entries[0]!.xml).toContain('<P_15>369.00</P_15>');
    expect(issuing.issued.list(NIP).map((entry) => [entry.number, entry.grossTotal])).toEqual([['FV/1/03/2026', '369.00']]);

    // The series goes on from where it was: the fixed invoice took no number.
    const next = await issuing.service.issue(NIP, values(issuing, '10'));
    expect(next).toMatchObject({ issued: true, invoice: { number: 'FV/2/03/2026' } });
  });

  it('refuses to replace an invoice that is not rejected, and a fix typed with another used number', async () => {
    await issuing.service.issue(NIP, values(issuing, '100'));
    await issuing.service.issue(NIP, values(issuing, '200'));
    expect(() => issuing.service.fixRejectedForm('outbox-1')).toThrow(expect.objectContaining({ code: 'OUTBOX_NOT_RESENDABLE' }));

    outbox.entries[0]!.state = 'rejected';
    const { form } = issuing.service.fixRejectedForm('outbox-1');
    const renumbered = await issuing.service.issue(NIP, { ...form, number: 'FV/2/03/2026' });
    expect(renumbered).toMatchObject({ issued: false, problems: [{ field: 'number', code: 'numberUsed' }] });

    outbox.entries[0]!.state = 'accepted'; // accepted meanwhile (e.g. by a resend from the Sent page)
    await expect(issuing.service.issue(NIP, form)).rejects.toMatchObject({ code: 'OUTBOX_NOT_RESENDABLE' });
    expect(outbox.resent).toEqual([]);
  });

  it('a copy of a fix is a new invoice again', () => {
    const copy = copyAsNewForm({ ...emptyIssueForm(), number: 'FV/1', replacesOutboxId: 'outbox-1' });
    expect(copy).toMatchObject({ number: '', replacesOutboxId: null });
  });
});
