import type { SeriesReset } from '../../../../shared/ipc/channels/issue';

/**
 * Numbering patterns: `{nr}` (the counter; `{nr:4}` pads it to 4 digits), `{DD}`, `{MM}`, `{RRRR}`, `{RR}`
 * from the invoice's issue date. Anything else is literal text.
 */
const TOKEN = /\{(nr(?::(\d))?|DD|MM|RRRR|RR)\}/g;
const ANY_BRACE_TOKEN = /\{[^}]*\}/g;

export type EffectiveReset = Exclude<SeriesReset, 'auto'>;

export type PatternProblem = 'NO_COUNTER' | 'UNKNOWN_TOKEN' | 'RESET_NEEDS_DATE_PARTS';

export interface PatternParts {
  hasCounter: boolean;
  hasDay: boolean;
  hasMonth: boolean;
  hasYear: boolean;
}

export function patternParts(pattern: string): PatternParts {
  const tokens = [...pattern.matchAll(TOKEN)].map((match) => match[1] ?? '');
  return {
    hasCounter: tokens.some((token) => token.startsWith('nr')),
    hasDay: tokens.includes('DD'),
    hasMonth: tokens.includes('MM'),
    hasYear: tokens.includes('RRRR') || tokens.includes('RR'),
  };
}

/** 'auto' resets with the smallest date part the pattern shows (day only together with month and year). */
export function effectiveReset(pattern: string, reset: SeriesReset): EffectiveReset {
  if (reset !== 'auto') return reset;
  const parts = patternParts(pattern);
  if (parts.hasDay && parts.hasMonth && parts.hasYear) return 'daily';
  if (parts.hasMonth && parts.hasYear) return 'monthly';
  if (parts.hasYear) return 'yearly';
  return 'never';
}

/**
 * Why a pattern cannot be used, or null. A counter that restarts must be told apart by the date parts
 * in the number, or the second period would repeat the first one's numbers.
 */
export function checkPattern(pattern: string, reset: SeriesReset): PatternProblem | null {
  const unknown = (pattern.match(ANY_BRACE_TOKEN) ?? []).filter((token) => !new RegExp(`^${TOKEN.source}$`).test(token));
  if (unknown.length > 0) return 'UNKNOWN_TOKEN';
  const parts = patternParts(pattern);
  if (!parts.hasCounter) return 'NO_COUNTER';
  const effective = effectiveReset(pattern, reset);
  const needed = { never: true, yearly: parts.hasYear, monthly: parts.hasYear && parts.hasMonth, daily: parts.hasYear && parts.hasMonth && parts.hasDay };
  return needed[effective] ? null : 'RESET_NEEDS_DATE_PARTS';
}

/** The counter's period for an issue date (YYYY-MM-DD): '' never, '2026', '2026-03' or '2026-03-15'. */
export function periodKey(reset: EffectiveReset, issueDate: string): string {
  switch (reset) {
    case 'never':
      return '';
    case 'yearly':
      return issueDate.slice(0, 4);
    case 'monthly':
      return issueDate.slice(0, 7);
    case 'daily':
      return issueDate.slice(0, 10);
  }
}

export function renderNumber(pattern: string, counter: number, issueDate: string): string {
  const [year = '', month = '', day = ''] = issueDate.split('-');
  return pattern.replace(TOKEN, (_whole, token: string, pad: string | undefined) => {
    if (token.startsWith('nr')) return String(counter).padStart(pad ? Number(pad) : 1, '0');
    if (token === 'DD') return day;
    if (token === 'MM') return month;
    if (token === 'RRRR') return year;
    return year.slice(2);
  });
}
