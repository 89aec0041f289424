/** Polish personal identifier (PESEL): spec format (month encodes the century) plus checksum. */

/** Spec regex (`components.schemas.Pesel`): month field 01–12 (+20/+40/+60/+80 for other centuries). */
export const PESEL_PATTERN =
  /^\d{2}(?:0[1-9]|1[0-2]|2[1-9]|3[0-2]|4[1-9]|5[0-2]|6[1-9]|7[0-2]|8[1-9]|9[0-2])\d{7}$/;

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

export type PeselProblem = 'empty' | 'format' | 'checksum' | 'birthDate';
export type PeselCheck = { valid: true; pesel: string; birthDate: string } | { valid: false; problem: PeselProblem };

export function normalizePesel(input: string): string {
  return input.replace(/\s/g, '');
}

export function peselCheckDigit(firstTenDigits: string): number | undefined {
  if (!/^\d{10}$/.test(firstTenDigits)) return undefined;
  let sum = 0;
  PESEL_WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(firstTenDigits[index]);
  });
  return (10 - (sum % 10)) % 10;
}

/** Birth date encoded in the PESEL as `YYYY-MM-DD`, or undefined when it is not a real calendar date. */
export function peselBirthDate(pesel: string): string | undefined {
  if (!/^\d{6}/.test(pesel)) return undefined;
  const yy = Number(pesel.slice(0, 2));
  const encodedMonth = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const centuryOffset = Math.floor(encodedMonth / 20);
  const centuryStart = [1900, 2000, 2100, 2200, 1800][centuryOffset];
  if (centuryStart === undefined) return undefined;
  const month = encodedMonth % 20;
  const year = centuryStart + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function checkPesel(pesel: string): PeselCheck {
  if (pesel.length === 0) return { valid: false, problem: 'empty' };
  if (!PESEL_PATTERN.test(pesel)) return { valid: false, problem: 'format' };
  if (peselCheckDigit(pesel.slice(0, 10)) !== Number(pesel[10])) return { valid: false, problem: 'checksum' };
  const birthDate = peselBirthDate(pesel);
  if (birthDate === undefined) return { valid: false, problem: 'birthDate' };
  return { valid: true, pesel, birthDate };
}

export function isValidPesel(pesel: string): boolean {
  return checkPesel(pesel).valid;
}
