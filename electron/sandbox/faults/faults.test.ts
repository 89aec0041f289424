import { describe, expect, it } from 'vitest';
import { FaultInjector } from './injector';
import { FaultPlanError, parseFaultPlan } from './plan';

describe('parseFaultPlan', () => {
  it('reads the compact form', () => {
    const plan = parseFaultPlan('latency=200ms;5xx=0.2@/sessions/*;429storm=/invoices/*;drop=0.1;outage@/tokens;seed=7');
    expect(plan.seed).toBe(7);
    expect(plan.rules).toEqual([
      { kind: 'latency', ms: 200 },
      { kind: '5xx', rate: 0.2, status: 500, pattern: '/sessions/*' },
      { kind: '429storm', rate: 1, retryAfterSeconds: 5, pattern: '/invoices/*' },
      { kind: 'drop', rate: 0.1 },
      { kind: 'outage', pattern: '/tokens' },
    ]);
  });

  it('reads the JSON form and fills defaults', () => {
    expect(parseFaultPlan('{"rules":[{"kind":"5xx","rate":1}]}')).toEqual({ seed: 1, rules: [{ kind: '5xx', rate: 1, status: 500 }] });
  });

  it('rejects unknown kinds and bad rates', () => {
    expect(() => parseFaultPlan('explode=1')).toThrow(FaultPlanError);
    expect(() => parseFaultPlan('drop=2')).toThrow(FaultPlanError);
  });
});

describe('FaultInjector', () => {
  it('only affects matching paths and adds latencies', () => {
    const injector = new FaultInjector();
    injector.setPlan(parseFaultPlan('latency=100ms;latency=50ms@/sessions/*;outage@/sessions/*'));
    expect(injector.decide('/auth/challenge')).toEqual({ latencyMs: 100, action: { kind: 'none' } });
    expect(injector.decide('/sessions/online/x')).toEqual({ latencyMs: 150, action: { kind: 'outage' } });
  });

  it('is deterministic for a seed and roughly honours the rate', () => {
    const run = (seed: number) => {
      const injector = new FaultInjector();
      injector.setPlan(parseFaultPlan(`5xx=0.3;seed=${seed}`));
      return Array.from({ length: 1000 }, () => injector.decide('/x').action.kind);
    };
    const first = run(42);
    expect(run(42)).toEqual(first);
    expect(run(43)).not.toEqual(first);
    const failures = first.filter((k) => k === '5xx').length;
    expect(failures).toBeGreaterThan(220);
    expect(failures).toBeLessThan(380);
  });

  it('clear() removes all faults', () => {
    const injector = new FaultInjector();
    injector.setPlan(parseFaultPlan('outage'));
    injector.clear();
    expect(injector.decide('/x').action.kind).toBe('none');
  });
});
