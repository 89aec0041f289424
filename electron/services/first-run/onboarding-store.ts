import { z } from 'zod';
import { ONBOARDING_STEPS, type OnboardingState, type OnboardingStep } from '../../../shared/ipc/channels/onboarding';
import type { KeyValueStoreEngine } from '../settings/settings-store';
import { SerialQueue } from '../storage/serial-queue';

/** Kept beside the settings (same file, own key), so the CLI and both shells see the same answer. */
export const ONBOARDING_KEY = 'onboarding';

const stepState = z.enum(['pending', 'done', 'skipped']);
const storedSchema = z.object({
  status: z.enum(['open', 'finished', 'dismissed']),
  steps: z.object({ company: stepState, signIn: stepState, firstInvoice: stepState }),
});

export function freshOnboarding(): OnboardingState {
  return { status: 'open', steps: { company: 'pending', signIn: 'pending', firstInvoice: 'pending' } };
}

export interface OnboardingDeps {
  engine: KeyValueStoreEngine;
  /** A profile from before the guide existed that already has a company needs no guide. */
  hasCompanies(): Promise<boolean>;
  onChange?(state: OnboardingState): void;
}

/** The first-run guide's progress: seen, done or skipped per step, and whether it shows at all. */
export class OnboardingService {
  /** Read-modify-write cycles one at a time: two steps completing together must both be kept. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: OnboardingDeps) {}

  async get(): Promise<OnboardingState> {
    const stored = storedSchema.safeParse(this.deps.engine.store[ONBOARDING_KEY]);
    if (stored.success) return stored.data;
    // Decided once and remembered: adding the first company later must not make the open guide vanish.
    const initial: OnboardingState = (await this.deps.hasCompanies())
      ? { status: 'finished', steps: { company: 'done', signIn: 'pending', firstInvoice: 'pending' } }
      : freshOnboarding();
    this.deps.engine.set(ONBOARDING_KEY, initial);
    return initial;
  }

  markStep(step: OnboardingStep, state: 'done' | 'skipped'): Promise<OnboardingState> {
    return this.queue.run(async () => {
      const current = await this.get();
      const steps = { ...current.steps, [step]: state };
      const allSettled = ONBOARDING_STEPS.every((name) => steps[name] !== 'pending');
      return this.save({ status: allSettled ? 'finished' : current.status, steps });
    });
  }

  dismiss(): Promise<OnboardingState> {
    return this.queue.run(async () => this.save({ ...(await this.get()), status: 'dismissed' }));
  }

  restart(): Promise<OnboardingState> {
    return this.queue.run(async () => this.save(freshOnboarding()));
  }

  private save(state: OnboardingState): OnboardingState {
    this.deps.engine.set(ONBOARDING_KEY, state);
    this.deps.onChange?.(state);
    return state;
  }
}
