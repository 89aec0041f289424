import { normalizeAccountNumber } from '../../../shared/domain/invoice/iban';

/** A bank account as Polish invoices print it: NRB `61 1090 1014 …`, IBAN `PL61 1090 1014 …`, others in fours. */
export function formatAccountNumber(value: string): string {
  const compact = normalizeAccountNumber(value);
  if (/^\d{26}$/.test(compact)) return `${compact.slice(0, 2)} ${compact.slice(2).replace(/(.{4})(?=.)/g, '$1 ')}`;
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

const PLAIN_DECIMAL = /^-?\d+\.\d+$/;

/** Amounts read back from an invoice ("2500.00") shown the way Polish users type them ("2500,00"). */
export function withDecimalComma<T extends { quantity: string; unitPrice: string; discount: string }>(lines: T[], language: string): T[] {
  if (language !== 'pl') return lines;
  const comma = (value: string) => (PLAIN_DECIMAL.test(value) ? value.replace('.', ',') : value);
  return lines.map((line) => ({ ...line, quantity: comma(line.quantity), unitPrice: comma(line.unitPrice), discount: comma(line.discount) }));
}
