import { normalizeAccountNumber } from '../../../shared/domain/invoice/iban';

/** A bank account as Polish invoices print it: NRB `61 1090 1014 …`, IBAN `PL61 1090 1014 …`, others in fours. */
export function formatAccountNumber(value: string): string {
  const compact = normalizeAccountNumber(value);
  if (/^\d{26}$/.test(compact)) return `${compact.slice(0, 2)} ${compact.slice(2).replace(/(.{4})(?=.)/g, '$1 ')}`;
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}
