/** Polish tax identifier (NIP): format check from the KSeF OpenAPI spec plus the standard mod-11 checksum. */

/** Spec regex (`components.schemas.Nip`): 10 digits, first non-zero, digits 2–3 not both zero. */
export const NIP_PATTERN = /^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/;

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

export type NipProblem = 'empty' | 'format' | 'checksum';
export type NipCheck = { valid: true; nip: string } | { valid: false; problem: NipProblem };

/** Strips what people type around a NIP: spaces, hyphens, dots and an optional `PL` prefix. */
export function normalizeNip(input: string): string {
  const compact = input.replace(/[\s.-]/g, '').toUpperCase();
  return compact.startsWith('PL') ? compact.slice(2) : compact;
}

/** Checksum digit for the first 9 digits; `undefined` when the weighted sum mod 11 is 10 (no valid NIP). */
export function nipCheckDigit(firstNineDigits: string): number | undefined {
  if (!/^\d{9}$/.test(firstNineDigits)) return undefined;
  let sum = 0;
  NIP_WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(firstNineDigits[index]);
  });
  const digit = sum % 11;
  return digit === 10 ? undefined : digit;
}

export function hasValidNipChecksum(nip: string): boolean {
  if (!/^\d{10}$/.test(nip)) return false;
  return nipCheckDigit(nip.slice(0, 9)) === Number(nip[9]);
}

/** Validates an already-normalized NIP and says why it fails (for UI messages and API error details). */
export function checkNip(nip: string): NipCheck {
  if (nip.length === 0) return { valid: false, problem: 'empty' };
  if (!NIP_PATTERN.test(nip)) return { valid: false, problem: 'format' };
  if (!hasValidNipChecksum(nip)) return { valid: false, problem: 'checksum' };
  return { valid: true, nip };
}

export function isValidNip(nip: string): boolean {
  return checkNip(nip).valid;
}

/** Format-only check (KSeF TEST accepts NIPs with a wrong checksum; only PRD enforces it). */
export function hasNipFormat(nip: string): boolean {
  return NIP_PATTERN.test(nip);
}
