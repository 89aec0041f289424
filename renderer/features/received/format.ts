/** Display formats of the Received page (exact decimal text, never floats). */
export function formatDate(date: string, language: string): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  if (!year || !month || !day) return date;
  return language === 'en' ? `${day}/${month}/${year}` : `${day}.${month}.${year}`;
}

export function formatMoney(amount: string, currency: string | null, language: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return currency ? `${amount} ${currency}` : amount;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '\u00a0');
  const text = `${sign}${grouped}${language === 'en' ? '.' : ','}${fraction.padEnd(2, '0')}`;
  return currency ? `${text}\u00a0${currency}` : text;
}

/** "1 234,50" typed by a user → "1234.50" for the filter; null when it is not an amount. */
export function parseAmountInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d{1,16}(\.\d{1,2})?$/.test(compact) ? compact : null;
}
