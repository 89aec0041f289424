import { computeLineAmounts, computeTotals, type ComputedTotals, type Invoice } from '../../../shared/domain/invoice';
import { filledLines, toInvoiceLine } from '../../../shared/domain/issuing/form-to-invoice';
import type { FormLine, IssueFormValues } from '../../../shared/ipc/channels/issue';

type TotalsInput = Pick<IssueFormValues, 'kind' | 'priceMode' | 'currency' | 'exchangeRate'> & { lines: FormLine[]; linesBefore: FormLine[] };

/** Totals of what is typed so far, by the model's own rules (amounts that do not parse yet count as 0). */
export function liveTotals(input: TotalsInput): ComputedTotals {
  const before = input.kind === 'KOR' ? filledLines(input.linesBefore).map((line) => toInvoiceLine(line, input, true)) : [];
  const invoice: Invoice = {
    kind: input.kind,
    number: '',
    issueDate: '',
    currency: input.currency,
    seller: { nip: '', name: '', address: { countryCode: 'PL', line1: '' } },
    buyer: { identifier: { type: 'NONE' } },
    thirdParties: [],
    lines: [...before, ...filledLines(input.lines).map((line) => toInvoiceLine(line, input))],
    annotations: { cashAccounting: false, selfBilling: false, reverseCharge: false, splitPayment: false, simplifiedTriangular: false },
  };
  return computeTotals(invoice);
}

/** The value column of one row: net or gross, as the prices are typed. */
export function rowValue(line: FormLine, form: Pick<IssueFormValues, 'priceMode' | 'currency' | 'exchangeRate'>): string {
  const amounts = computeLineAmounts(toInvoiceLine(line, form));
  return form.priceMode === 'net' ? amounts.net : amounts.gross;
}
