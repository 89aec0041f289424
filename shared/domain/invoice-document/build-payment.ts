/** Płatność: method, due dates, what was paid, discounts, and the bank accounts (own and factor's). */
import type { BankAccount, Invoice, PartialPayment } from '../invoice/model';
import { textField } from './build-sections';
import { label, text, type DocBlock, type DocField, type DocText } from './document';
import { formatAccountNumber, formatDate, formatMoney } from './format';
import type { InvoiceDocumentLabel } from './labels.pl';

function methodText(method: string | undefined, other: string | undefined): DocText[] {
  if (method) return [label(`method${method}` as InvoiceDocumentLabel)];
  return other ? [text(other)] : [];
}

function accountFields(account: BankAccount, title: InvoiceDocumentLabel): DocField[] {
  return [
    { label: title, value: [text(formatAccountNumber(account.number))] },
    ...textField('swift', account.swift),
    ...textField('bankName', account.bankName),
    ...textField('accountDescription', account.description),
    ...(account.ownBankAccount ? [{ label: 'ownBankAccount' as const, value: [label(`ownBankAccount${account.ownBankAccount}`)] }] : []),
  ];
}

function partialRow(payment: PartialPayment, currency: string): DocText[][] {
  return [[text(formatDate(payment.date))], [text(formatMoney(payment.amount, currency))], methodText(payment.method, payment.otherMethod)];
}

export function paymentBlocks(invoice: Invoice): DocBlock[] {
  const payment = invoice.payment;
  if (!payment) return [];
  const fields: DocField[] = [];
  const method = methodText(payment.method, payment.otherMethod);
  if (method.length > 0) fields.push({ label: 'paymentMethod', value: method });
  for (const due of payment.dueDates ?? []) {
    const parts = [due.date && formatDate(due.date), due.description && `${due.description.quantity} ${due.description.unit} ${due.description.startEvent}`];
    fields.push({ label: 'dueDate', value: [text(parts.filter(Boolean).join(', '))] });
  }
  if (payment.paidDate) fields.push({ label: 'paid', value: [text(formatDate(payment.paidDate))] });
  if (payment.earlyPaymentDiscount) {
    fields.push({ label: 'earlyDiscount', value: [text(`${payment.earlyPaymentDiscount.conditions}: ${payment.earlyPaymentDiscount.amount}`)] });
  }
  fields.push(...textField('paymentLink', payment.paymentLink), ...textField('ksefPaymentId', payment.ksefPaymentId));
  const blocks: DocBlock[] = [{ type: 'fields', fields }];
  if (payment.partial && payment.partial.payments.length > 0) {
    blocks.push({
      type: 'table',
      caption: [label(payment.partial.marker === '2' ? 'partialPaidAll' : 'partialPaid')],
      columns: [
        { label: 'colDate', align: 'left', width: 90 },
        { label: 'colAmount', align: 'right', width: 110 },
        { label: 'colMethod', align: 'left', width: '*' },
      ],
      rows: payment.partial.payments.map((part) => ({ cells: partialRow(part, invoice.currency) })),
    });
  }
  const accounts = [
    ...(payment.bankAccounts ?? []).map((account) => accountFields(account, 'accountNumber')),
    ...(payment.factorBankAccounts ?? []).map((account) => accountFields(account, 'factorAccount')),
  ];
  for (const account of accounts) blocks.push({ type: 'fields', fields: account });
  return blocks;
}
