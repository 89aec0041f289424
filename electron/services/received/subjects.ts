import type { ReceivedSubject } from '../../../shared/ipc/channels/received';
import type { KsefSubjectType } from '../ksef/api/invoices-models';

/** The company's role on the invoice → KSeF's subjectType. */
export const KSEF_SUBJECT_TYPE: Readonly<Record<ReceivedSubject, KsefSubjectType>> = {
  seller: 'Subject1',
  buyer: 'Subject2',
  third: 'Subject3',
  authorized: 'SubjectAuthorized',
};
