import { describe, expect, it } from 'vitest';
import type { OnboardingState } from '../../../shared/ipc/channels/onboarding';
import type { KeyValueStoreEngine } from '../settings/settings-store';
import { ONBOARDING_KEY, OnboardingService } from './onboarding-store';

function memoryEngine(initial: Record<string, unknown> = {}): KeyValueStoreEngine {
  const store: Record<string, unknown> = { ...initial };
  return { store, set: (key, value) => void (store[key] = value) };
}

function service(options: { companies?: boolean; engine?: KeyValueStoreEngine } = {}) {
  let companies = options.companies ?? false;
  const changes: OnboardingState[] = [];
  const engine = options.engine ?? memoryEngine();
  const onboarding = new OnboardingService({ engine, hasCompanies: async () => companies, onChange: (state) => changes.push(state) });
  return { onboarding, engine, changes, addCompany: () => (companies = true) };
}

describe('OnboardingService', () => {
  it('a new profile gets the open guide, and keeps it open once the first company exists', async () => {
    const { onboarding, addCompany } = service();
    expect(await onboarding.get()).toEqual({ status: 'open', steps: { company: 'pending', signIn: 'pending', firstInvoice: 'pending' } });
    addCompany();
    expect((await onboarding.get()).status).toBe('open');
  });

  it('a profile from before the guide, with a company, does not get it', async () => {
    expect((await service({ companies: true }).onboarding.get()).status).toBe('finished');
  });

  it('steps done or skipped, in any order; all settled → finished; stored in the settings file', async () => {
    const { onboarding, engine, changes } = service();
    await onboarding.markStep('signIn', 'skipped');
    await onboarding.markStep('company', 'done');
    expect((await onboarding.get()).status).toBe('open');
    const last = await onboarding.markStep('firstInvoice', 'done');
    expect(last).toEqual({ status: 'finished', steps: { company: 'done', signIn: 'skipped', firstInvoice: 'done' } });
    expect(engine.store[ONBOARDING_KEY]).toEqual(last);
    expect(changes).toHaveLength(3);
    // The next run reads what was stored.
    expect(await service({ engine }).onboarding.get()).toEqual(last);
  });

  it('dismiss closes the whole guide; restart from Settings opens it fresh', async () => {
    const { onboarding } = service();
    await onboarding.markStep('company', 'done');
    expect((await onboarding.dismiss()).status).toBe('dismissed');
    expect(await onboarding.restart()).toEqual({ status: 'open', steps: { company: 'pending', signIn: 'pending', firstInvoice: 'pending' } });
  });

  it('a hand-edited, invalid value is treated as absent', async () => {
    const { onboarding } = service({ engine: memoryEngine({ [ONBOARDING_KEY]: { status: 'weird' } }) });
    expect((await onboarding.get()).status).toBe('open');
  });
});

describe('OnboardingService concurrency', () => {
  it('two steps completed at the same moment are both kept', async () => {
    const { onboarding } = service();
    await Promise.all([onboarding.markStep('company', 'done'), onboarding.markStep('signIn', 'done')]);
    expect((await onboarding.get()).steps).toMatchObject({ company: 'done', signIn: 'done' });
  });
});
