import type { ReceivedFilter, ReceivedSubject } from '../../../shared/ipc/channels/received';
import { parseAmountInput } from './format';

/** What the filter bar holds, as typed; `toFilter` turns it into the archive query. */
export interface FilterForm {
  companyNip: string;
  subject: ReceivedSubject;
  q: string;
  issueFrom: string;
  issueTo: string;
  grossFrom: string;
  grossTo: string;
  sellerNip: string;
  currency: string;
  kind: string;
  read: '' | 'read' | 'unread';
}

/** The company switcher's value for "all companies" (a Select shows its label only for a non-empty value). */
export const ALL_COMPANIES = '*';

export const EMPTY_FORM: FilterForm = {
  companyNip: ALL_COMPANIES,
  subject: 'buyer',
  q: '',
  issueFrom: '',
  issueTo: '',
  grossFrom: '',
  grossTo: '',
  sellerNip: '',
  currency: '',
  kind: '',
  read: '',
};

export const CURRENCIES = ['PLN', 'EUR', 'USD', 'GBP', 'CHF', 'CZK'] as const;
export const KINDS = ['Vat', 'Kor', 'Zal', 'Roz', 'Upr', 'KorZal', 'KorRoz'] as const;

/** Only complete, valid values reach the query; a half-typed amount or NIP is ignored until it is whole. */
export function toFilter(form: FilterForm): ReceivedFilter {
  const grossFrom = parseAmountInput(form.grossFrom);
  const grossTo = parseAmountInput(form.grossTo);
  const seller = form.sellerNip.replace(/[\s-]/g, '');
  return {
    ...(form.companyNip !== ALL_COMPANIES ? { companyNip: form.companyNip } : {}),
    subject: form.subject,
    ...(form.q.trim() ? { q: form.q.trim().slice(0, 200) } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(form.issueFrom) ? { issueFrom: form.issueFrom } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(form.issueTo) ? { issueTo: form.issueTo } : {}),
    ...(grossFrom ? { grossFrom } : {}),
    ...(grossTo ? { grossTo } : {}),
    ...(/^\d{1,10}$/.test(seller) ? { sellerNip: seller } : {}),
    ...(form.currency ? { currency: form.currency } : {}),
    ...(form.kind ? { kinds: [form.kind] } : {}),
    ...(form.read ? { read: form.read } : {}),
  };
}

export function hasFilters(form: FilterForm): boolean {
  return Object.entries(form).some(([key, value]) => key !== 'companyNip' && key !== 'subject' && value !== '');
}
