/**
 * Split payment (MPP) from the form: art. 106e ust. 1 pkt 18a — gross above 15 000 PLN, a line of Annex 15
 * and a buyer who is a taxpayer (NIP). The amount is the whole transaction's: for a ZAL the order's value
 * (the Ministry's MPP explanations: an advance for an order above the threshold needs the annotation even
 * when the advance itself is smaller), for a ROZ the full sale before the advances are taken off.
 */
import type { IssueFormValues } from '../../ipc/channels/issue-form';
import { isSplitPaymentRequired } from '../invoice/rules';
import { filledLines, linesOnlyInvoice, toInvoiceLine } from './form-lines';

type SplitPaymentInput = Pick<IssueFormValues, 'priceMode' | 'currency' | 'exchangeRate' | 'lines'> & { buyer: Pick<IssueFormValues['buyer'], 'identifierType'> };

/** Whether the law requires the split payment annotation (P_18A = 1) on the invoice the form makes. */
export function splitPaymentRequired(form: SplitPaymentInput): boolean {
  const lines = filledLines(form.lines).map((line) => toInvoiceLine(line, form));
  return isSplitPaymentRequired(linesOnlyInvoice(lines, form.currency, form.buyer.identifierType === 'NIP'));
}
