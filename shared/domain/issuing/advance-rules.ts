/** Form checks of advance (ZAL) and settlement (ROZ) data; messages are keys under `issue.validation.`. */
import Decimal from 'decimal.js';
import type { IssueFormValues } from '../../ipc/channels/issue-form';
import { KSEF_NUMBER_PATTERN } from '../identifiers';
import { linesTotals, parseAmount } from './advances';
import { isCalendarDate } from './form-text';

type Issue = { path: (string | number)[]; message: string };

function amountProblem(typed: string): string | null {
  if (typed.trim() === '') return 'required';
  const amount = parseAmount(typed);
  if (amount === null) return 'amount';
  return new Decimal(amount).isZero() ? 'amountPositive' : null;
}

export function advanceIssues(form: IssueFormValues): Issue[] {
  const issues: Issue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push({ path: ['advance', ...path], message });
  const { advance } = form;
  if (form.kind === 'ZAL') {
    const problem = amountProblem(advance.received);
    if (problem) at(['received'], problem);
    else if (new Decimal(parseAmount(advance.received) ?? 0).greaterThan(linesTotals(form).gross)) at(['received'], 'advanceAboveOrder');
    if (!isCalendarDate(advance.receivedDate)) at(['receivedDate'], advance.receivedDate === '' ? 'required' : 'date');
  }
  if (form.kind === 'ROZ') {
    if (advance.settled.length === 0) at(['settled'], 'noAdvances');
    let sum = new Decimal(0);
    advance.settled.forEach((entry, index) => {
      const reference = entry.reference.trim();
      if (reference === '') at(['settled', index, 'reference'], 'required');
      else if (!entry.outsideKsef && !KSEF_NUMBER_PATTERN.test(reference)) at(['settled', index, 'reference'], 'ksefNumber');
      const problem = amountProblem(entry.gross);
      if (problem) at(['settled', index, 'gross'], problem);
      else sum = sum.plus(parseAmount(entry.gross) ?? 0);
    });
    if (sum.greaterThan(linesTotals(form).gross)) at(['settled'], 'advancesAboveTotal');
  }
  return issues;
}
