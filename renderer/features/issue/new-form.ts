import { emptyIssueForm, type FormLine, type IssueFormValues, type NumberingSeries, type SellerProfile } from '../../../shared/ipc/channels/issue';

/** Today in the user's time zone, as the form's dates are (YYYY-MM-DD). */
export function localDate(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return localDate(new Date(year, month - 1, day + days));
}

export function emptyLine(): FormLine {
  return { productId: null, name: '', quantity: '1', unit: 'szt.', unitPrice: '', rate: '23', discount: '', pkwiu: '', gtu: '', annex15: false };
}

/** A new invoice with the company's defaults: today's dates, the default series, payment term and account. */
export function newInvoiceForm(profile: SellerProfile, series: NumberingSeries[], today = localDate()): IssueFormValues {
  const form = emptyIssueForm();
  return {
    ...form,
    seriesId: (series.find((entry) => entry.isDefault) ?? series[0])?.id ?? null,
    issueDate: today,
    saleDate: today,
    placeOfIssue: profile.defaultPlaceOfIssue,
    lines: [emptyLine()],
    payment: {
      ...form.payment,
      method: profile.defaultPaymentMethod,
      dueDate: addDays(today, profile.defaultPaymentDays),
      bankAccount: profile.bankAccounts[0]?.iban ?? '',
    },
  };
}

/** A draft or a copy keeps its own values; the dates of a copy (emptied by main) start from today. */
export function withDefaults(form: IssueFormValues, profile: SellerProfile, series: NumberingSeries[], today = localDate()): IssueFormValues {
  const fresh = newInvoiceForm(profile, series, today);
  return {
    ...form,
    seriesId: form.seriesId ?? fresh.seriesId,
    issueDate: form.issueDate || fresh.issueDate,
    saleDate: form.saleDate || (form.issueDate ? form.saleDate : fresh.saleDate),
    lines: form.lines.length > 0 ? form.lines : fresh.lines,
    payment: { ...form.payment, dueDate: form.payment.dueDate || (form.issueDate ? '' : fresh.payment.dueDate) },
  };
}
