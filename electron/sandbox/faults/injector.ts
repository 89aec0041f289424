import type { FaultPlan } from './plan';

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'outage' }
  | { kind: 'drop' }
  | { kind: '429storm'; retryAfterSeconds: number }
  | { kind: '5xx'; status: number };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

/** mulberry32: small, seeded, good enough to make fault sequences reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Applies the current fault plan to each request; deterministic for a given seed and request order. */
export class FaultInjector {
  private plan: FaultPlan = { seed: 1, rules: [] };
  private random: () => number = seededRandom(1);
  private matchers: (RegExp | undefined)[] = [];

  setPlan(plan: FaultPlan): void {
    this.plan = plan;
    this.random = seededRandom(plan.seed);
    this.matchers = plan.rules.map((r) => (r.pattern ? globToRegExp(r.pattern) : undefined));
  }

  clear(): void {
    this.setPlan({ seed: 1, rules: [] });
  }

  current(): FaultPlan {
    return this.plan;
  }

  /** `path` is relative to /v2. Latencies add up; the first triggered action wins. */
  decide(path: string): FaultDecision {
    let latencyMs = 0;
    let action: FaultAction = { kind: 'none' };
    this.plan.rules.forEach((rule, index) => {
      const matcher = this.matchers[index];
      if (matcher && !matcher.test(path)) return;
      if (rule.kind === 'latency') {
        latencyMs += rule.ms;
        return;
      }
      if (action.kind !== 'none') return;
      if (rule.kind === 'outage') action = { kind: 'outage' };
      else if (this.random() < rule.rate) {
        action = rule.kind === 'drop' ? { kind: 'drop' } : rule.kind === '429storm' ? { kind: '429storm', retryAfterSeconds: rule.retryAfterSeconds } : { kind: '5xx', status: rule.status };
      }
    });
    return { latencyMs, action };
  }
}
