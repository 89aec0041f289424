import { z } from 'zod';

const pattern = z.string().startsWith('/').optional();
const rate = z.number().min(0).max(1);

/** One fault rule; `pattern` is a glob over the path after /v2 (`*` matches anything, including `/`). */
export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(600_000), pattern }),
  z.object({ kind: z.literal('5xx'), rate, status: z.number().int().min(500).max(599).default(500), pattern }),
  z.object({ kind: z.literal('429storm'), rate: rate.default(1), retryAfterSeconds: z.number().int().min(1).default(5), pattern }),
  z.object({ kind: z.literal('drop'), rate, pattern }),
  z.object({ kind: z.literal('outage'), pattern }),
]);

export const faultPlanSchema = z.object({ seed: z.number().int().default(1), rules: z.array(faultRuleSchema) });

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultPlan = z.infer<typeof faultPlanSchema>;

export class FaultPlanError extends Error {
  override readonly name = 'FaultPlanError';
}

function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (!match) throw new FaultPlanError(`bad duration "${text}" (use 200ms or 2s)`);
  return Math.round(Number(match[1]) * (match[2] === 's' ? 1000 : 1));
}

function parseRate(text: string | undefined, fallback?: number): number {
  if (text === undefined || text === '') {
    if (fallback === undefined) throw new FaultPlanError('rate required (0..1)');
    return fallback;
  }
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new FaultPlanError(`bad rate "${text}" (0..1)`);
  return value;
}

/** One `kind[=value][@pattern]` item of the compact form. */
function parseRule(item: string): FaultRule | { seed: number } {
  const at = item.indexOf('@');
  let head = at >= 0 ? item.slice(0, at) : item;
  let rulePattern = at >= 0 ? item.slice(at + 1) : undefined;
  const eq = head.indexOf('=');
  const kind = (eq >= 0 ? head.slice(0, eq) : head).trim();
  let value = eq >= 0 ? head.slice(eq + 1).trim() : undefined;
  // `429storm=/invoices/*` is accepted as a pattern too.
  if (value?.startsWith('/') && rulePattern === undefined) {
    rulePattern = value;
    value = undefined;
  }
  head = kind;
  const withPattern = rulePattern ? { pattern: rulePattern.trim() } : {};
  switch (head) {
    case 'seed':
      return { seed: Number.parseInt(value ?? '', 10) || 1 };
    case 'latency':
      return { kind: 'latency', ms: parseDuration(value ?? ''), ...withPattern };
    case '5xx': {
      const [rateText, statusText] = (value ?? '').split(':');
      return { kind: '5xx', rate: parseRate(rateText), status: statusText ? Number(statusText) : 500, ...withPattern };
    }
    case '429storm':
    case '429': {
      const [rateText, retryText] = (value ?? '').split(':');
      return { kind: '429storm', rate: parseRate(rateText, 1), retryAfterSeconds: retryText ? Math.ceil(parseDuration(retryText) / 1000) : 5, ...withPattern };
    }
    case 'drop':
      return { kind: 'drop', rate: parseRate(value), ...withPattern };
    case 'outage':
      return { kind: 'outage', ...withPattern };
    default:
      throw new FaultPlanError(`unknown fault "${head}" (latency, 5xx, 429storm, drop, outage, seed)`);
  }
}

/**
 * Parses the compact form, e.g. `latency=200ms;5xx=0.2@/sessions/*;429storm@/invoices/*;drop=0.1;outage;seed=7`,
 * or a JSON plan `{"seed":7,"rules":[{"kind":"drop","rate":0.1}]}`.
 */
export function parseFaultPlan(spec: string): FaultPlan {
  const trimmed = spec.trim();
  if (trimmed.startsWith('{')) {
    const parsed = faultPlanSchema.safeParse(JSON.parse(trimmed));
    if (!parsed.success) throw new FaultPlanError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  }
  const plan: FaultPlan = { seed: 1, rules: [] };
  for (const item of trimmed.split(';').map((s) => s.trim()).filter(Boolean)) {
    const rule = parseRule(item);
    if ('seed' in rule) plan.seed = rule.seed;
    else plan.rules.push(faultRuleSchema.parse(rule));
  }
  return plan;
}
