/**
 * The strict checks of the issuing form, as one zod schema shared by the form (react-hook-form resolver)
 * and main (before issuing). Messages are translation keys under `issue.validation.` so the renderer shows
 * them in Polish or English next to the field.
 */
import { type z } from 'zod';
import type { IssueFormValues } from '../../ipc/channels/issue-form';
import { checkBuyerIdentifier } from '../buyer-identifier';
import { isEmailAddress } from './book-rules';
import { isValidIban } from '../invoice/iban';
import { KSEF_NUMBER_PATTERN } from '../identifiers';
import { isCurrencyCode } from '../invoice/code-lists';
import { VAT_RATES } from '../invoice/codes';
import { advanceIssues } from './advance-rules';
import { isCalendarDate, normalizeDecimal } from './form-text';
import { splitPaymentRequired } from './split-payment';

const QUANTITY = /^\d{1,16}(\.\d{1,6})?$/;
const PRICE = /^\d{1,14}(\.\d{1,8})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,6})?$/;

export { isCalendarDate, normalizeDecimal } from './form-text';

type Issue = { path: (string | number)[]; message: string };

function lineIssues(line: IssueFormValues['lines'][number], prefix: (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const at = (field: string, message: string) => issues.push({ path: [...prefix, field], message });
  if (line.name.trim() === '') at('name', 'required');
  else if (line.name.trim().length > 512) at('name', 'tooLong');
  const quantity = normalizeDecimal(line.quantity);
  if (!QUANTITY.test(quantity) || Number(quantity) === 0) at('quantity', 'quantity');
  if (!PRICE.test(normalizeDecimal(line.unitPrice))) at('unitPrice', line.unitPrice.trim() === '' ? 'required' : 'price');
  if (!(VAT_RATES as readonly string[]).includes(line.rate)) at('rate', 'rate');
  const discount = normalizeDecimal(line.discount);
  if (discount !== '' && (!PERCENT.test(discount) || Number(discount) > 100)) at('discount', 'discount');
  return issues;
}

/** Every problem of a form that is about to be issued, with the field it belongs to. */
export function formIssues(form: IssueFormValues): Issue[] {
  const issues: Issue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (!isCalendarDate(form.issueDate)) at(['issueDate'], form.issueDate === '' ? 'required' : 'date');
  // An advance invoice has no sale date field (its P_6 is the day the advance was received).
  if (form.kind !== 'ZAL' && form.saleDate !== '' && !isCalendarDate(form.saleDate)) at(['saleDate'], 'date');
  if (form.number.trim() === '' && !form.seriesId) at(['seriesId'], 'series');
  if (form.number.trim().length > 256) at(['number'], 'tooLong');
  if (!isCurrencyCode(form.currency)) at(['currency'], 'currency');
  if (form.currency !== 'PLN') {
    const rate = normalizeDecimal(form.exchangeRate);
    if (!QUANTITY.test(rate) || Number(rate) === 0) at(['exchangeRate'], 'exchangeRate');
  }

  const { buyer } = form;
  if (buyer.name.trim() === '') at(['buyer', 'name'], 'required');
  const identifierProblem = checkBuyerIdentifier({ type: buyer.identifierType, identifier: buyer.identifier, country: buyer.identifierCountry });
  if (identifierProblem === 'EU_COUNTRY' || identifierProblem === 'COUNTRY') at(['buyer', 'identifierCountry'], `identifier.${identifierProblem}`);
  else if (identifierProblem) at(['buyer', 'identifier'], `identifier.${identifierProblem}`);
  if (buyer.identifierType !== 'NONE' && buyer.address.line1.trim() === '') at(['buyer', 'address', 'line1'], 'required');
  // The same check as the contractors book, so a buyer issued here can always be kept there.
  if (buyer.email.trim() !== '' && !isEmailAddress(buyer.email.trim())) at(['buyer', 'email'], 'email');

  const filled = form.lines.filter((line) => line.name.trim() !== '' || line.unitPrice.trim() !== '');
  if (filled.length === 0 && form.correction.linesBefore.length === 0) at(['lines'], 'noLines');
  form.lines.forEach((line, index) => {
    if (line.name.trim() === '' && line.unitPrice.trim() === '' && form.lines.length > 1) return; // an empty row is skipped
    issues.push(...lineIssues(line, ['lines', index]));
  });
  if (form.lines.some((line) => line.rate === 'zw') && form.annotations.exemptionBasis.trim() === '') at(['annotations', 'exemptionBasis'], 'exemptionBasis');
  issues.push(...advanceIssues(form));

  const { payment } = form;
  if (payment.dueDate !== '' && !isCalendarDate(payment.dueDate)) at(['payment', 'dueDate'], 'date');
  else if (payment.dueDate !== '' && payment.dueDate < form.issueDate) at(['payment', 'dueDate'], 'dueBeforeIssue');
  if (payment.bankAccount !== '' && !isValidIban(payment.bankAccount)) at(['payment', 'bankAccount'], 'iban');
  if (payment.paid && !isCalendarDate(payment.paidDate)) at(['payment', 'paidDate'], payment.paidDate === '' ? 'required' : 'date');
  if (!payment.splitPayment && splitPaymentRequired(form)) at(['payment', 'splitPayment'], 'splitRequired');

  if (form.kind === 'KOR') {
    const { correction } = form;
    if (correction.originalNumber.trim() === '') at(['correction', 'originalNumber'], 'required');
    if (!isCalendarDate(correction.originalIssueDate)) at(['correction', 'originalIssueDate'], correction.originalIssueDate === '' ? 'required' : 'date');
    if (correction.originalKsefNumber !== '' && !KSEF_NUMBER_PATTERN.test(correction.originalKsefNumber.trim())) at(['correction', 'originalKsefNumber'], 'ksefNumber');
    correction.linesBefore.forEach((line, index) => issues.push(...lineIssues(line, ['correction', 'linesBefore', index])));
  }
  form.additionalDescriptions.forEach((entry, index) => {
    if (entry.key.trim() === '') at(['additionalDescriptions', index, 'key'], 'required');
    if (entry.value.trim() === '') at(['additionalDescriptions', index, 'value'], 'required');
  });
  return issues;
}

/** The resolver's schema: the draft shape plus `formIssues`. */
export function strictIssueFormSchema<T extends z.ZodType<IssueFormValues>>(draftSchema: T) {
  return draftSchema.superRefine((form, context) => {
    for (const issue of formIssues(form)) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
}
