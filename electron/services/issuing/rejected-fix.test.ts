import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBuyer, testLine } from '../../../shared/domain/issuing/testing/form-fixtures';
import { emptyIssueForm, type IssueFormValues } from '../../../shared/ipc/channels/issue';
import type { IssuingServices } from '.';
import { copyAsNewForm } from './draft-store';
import { createIssuingFixture, type FakeOutbox, type IssuingFixture } from './testing/issuing-fixture';

const NIP = '5265877635';

describe('fixing an invoice KSeF rejected, in the form', () => {
  let fixture: IssuingFixture;
  let issuing: IssuingServices;
  let outbox: FakeOutbox;

  /** Two hours at the price, 23 %, to 'Nowak Handel'. */
  const values = (price: string): IssueFormValues =>
    fixture.form({ buyer: testBuyer({ name: 'Nowak Handel' }), lines: [testLine({ name: 'Usługa', quantity: '2', unit: 'h', unitPrice: price, rate: '23' })] });

  beforeEach(() => {
    fixture = createIssuingFixture();
    ({ issuing, outbox } = fixture);
  });

  afterEach(() => fixture.close());

  it('keeps the number and dates, replaces the rejected entry and its record, and uses no new number', async () => {
    const first = await issuing.service.issue(NIP, values('100'));
    expect(first).toMatchObject({ issued: true, invoice: { number: 'FV/1/03/2026', outboxId: 'outbox-1', grossTotal: '246.00' } });
    outbox.setState('outbox-1', 'rejected');

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
    const next = await issuing.service.issue(NIP, values('10'));
    expect(next).toMatchObject({ issued: true, invoice: { number: 'FV/2/03/2026' } });
  });

  it('refuses to replace an invoice that is not rejected, and a fix typed with another used number', async () => {
    await issuing.service.issue(NIP, values('100'));
    await issuing.service.issue(NIP, values('200'));
    expect(() => issuing.service.fixRejectedForm('outbox-1')).toThrow(expect.objectContaining({ code: 'OUTBOX_NOT_RESENDABLE' }));

    outbox.setState('outbox-1', 'rejected');
    const { form } = issuing.service.fixRejectedForm('outbox-1');
    const renumbered = await issuing.service.issue(NIP, { ...form, number: 'FV/2/03/2026' });
    expect(renumbered).toMatchObject({ issued: false, problems: [{ field: 'number', code: 'numberUsed' }] });

    outbox.setState('outbox-1', 'accepted'); // accepted meanwhile (e.g. by a resend from the Sent page)
    await expect(issuing.service.issue(NIP, form)).rejects.toMatchObject({ code: 'OUTBOX_NOT_RESENDABLE' });
    expect(outbox.resent).toEqual([]);
  });

  it('a copy of a fix is a new invoice again', () => {
    const copy = copyAsNewForm({ ...emptyIssueForm(), number: 'FV/1', replacesOutboxId: 'outbox-1' });
    expect(copy).toMatchObject({ number: '', replacesOutboxId: null });
  });
});
