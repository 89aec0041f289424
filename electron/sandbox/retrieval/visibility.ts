/** Who may see which archived invoice: the subject type of a query, relative to the caller's context. */
import type { StoredInvoice } from '../invoices/archive';
import type { ContextIdentifier } from '../state/types';
import type { SubjectType } from './filters';

function sameContext(a: ContextIdentifier, b: ContextIdentifier): boolean {
  return a.type === b.type && a.value === b.value;
}

/**
 * Subject types a context may query. A NIP context is a taxpayer and can be any subject. An InternalId context
 * (a subunit) issues invoices (Subject1) and receives them as Podmiot3 with its InternalId (Subject3).
 * NipVatUe and PeppolId contexts only issue. Exports of other combinations are 21181.
 */
export function allowedSubjectTypes(context: ContextIdentifier): readonly SubjectType[] {
  switch (context.type) {
    case 'Nip':
      return ['Subject1', 'Subject2', 'Subject3', 'SubjectAuthorized'];
    case 'InternalId':
      return ['Subject1', 'Subject3'];
    default:
      return ['Subject1'];
  }
}

/** Whether `invoice` belongs to the caller in the role `subjectType`. */
export function isVisibleAs(invoice: StoredInvoice, subjectType: SubjectType, context: ContextIdentifier): boolean {
  const facts = invoice.facts;
  const nip = context.type === 'Nip' ? context.value : undefined;
  switch (subjectType) {
    case 'Subject1':
      return facts.seller.nip === nip || sameContext(invoice.senderContext, context);
    case 'Subject2':
      return nip !== undefined && facts.buyer.identifier.type === 'Nip' && facts.buyer.identifier.value === nip;
    case 'Subject3':
      return facts.thirdSubjects.some(
        (subject) =>
          (nip !== undefined && subject.identifier.type === 'Nip' && subject.identifier.value === nip) ||
          (context.type === 'InternalId' && subject.identifier.type === 'InternalId' && subject.identifier.value === context.value),
      );
    case 'SubjectAuthorized':
      return nip !== undefined && facts.authorizedSubject?.nip === nip;
  }
}

/** Download is allowed to any party of the invoice (seller, buyer, third subject, authorized subject) and to its sender. */
export function canDownload(invoice: StoredInvoice, context: ContextIdentifier): boolean {
  return allowedSubjectTypes(context).some((subjectType) => isVisibleAs(invoice, subjectType, context));
}

/** Invoices whose permanent storage is still in the future are not in the repository yet (21165 on download). */
export function isStored(invoice: StoredInvoice, now: Date): boolean {
  return Date.parse(invoice.permanentStorageDate) <= now.getTime();
}
