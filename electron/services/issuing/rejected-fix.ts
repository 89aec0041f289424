/**
 * Fixing an invoice KSeF rejected, in the form. A rejected invoice never got a KSeF number, so the fix is
 * the same invoice: it keeps its number and dates and goes back to the outbox in the rejected entry's
 * place (the entry's bytes are replaced and it is queued again), so the Sent list shows one invoice, not two.
 */
import { invoiceToForm } from '../../../shared/domain/issuing/invoice-to-form';
import type { IssueFormValues } from '../../../shared/ipc/channels/issue';
import type { Invoice } from '../../../shared/domain/invoice';
import { AppError } from '../errors/app-error';

/** Outbox states whose invoice is not in KSeF and may be replaced by a fixed one. */
const REPLACEABLE_STATES: readonly string[] = ['rejected', 'draft'];

export function isReplaceableState(state: string): boolean {
  return REPLACEABLE_STATES.includes(state);
}

/** The form of a fix: everything the invoice says, its own number and dates, linked to the rejected entry. */
export function rejectedFixForm(invoice: Invoice, outboxId: string): IssueFormValues {
  const form = invoiceToForm(invoice);
  return { ...form, seriesId: null, replacesOutboxId: outboxId };
}

/** Refuses to replace an entry KSeF may have accepted (or is sending right now). */
export function assertReplaceable(state: string): void {
  if (!isReplaceableState(state)) throw new AppError('OUTBOX_NOT_RESENDABLE', `state ${state}`, [state]);
}
