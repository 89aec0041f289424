/** Money in the archive is integer grosze (exact sums in SQL); it leaves as decimal text "1234.50". */

/** KSeF metadata carries amounts as JSON numbers with at most 2 decimals; round(n·100) recovers them exactly. */
export function numberToGrosze(value: number): number {
  const grosze = Math.round(value * 100);
  if (!Number.isSafeInteger(grosze)) throw new RangeError(`amount out of range: ${value}`);
  return grosze;
}

export function groszeToText(grosze: number | bigint): string {
  const value = BigInt(grosze);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** "1234,5" or "-10.05" → grosze, without going through a float. */
export function textToGrosze(text: string): number {
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not an amount: ${text}`);
  const grosze = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -grosze : grosze;
}

/** Polish Excel: "1234,50". */
export function groszeToPolishText(grosze: number): string {
  return groszeToText(grosze).replace('.', ',');
}
