import type { Handlers } from '../../../ipc/handlers';
import type { OnboardingService } from '../../first-run/onboarding-store';
import type { UpdateService } from '../../updates/update-service';

type Prefixed<P extends string> = { [C in keyof Handlers as C extends `${P}:${string}` ? C : never]: Handlers[C] };

/** onboarding:* — the first-run guide's progress. */
export function onboardingHandlers(onboarding: OnboardingService): Prefixed<'onboarding'> {
  return {
    'onboarding:get': () => onboarding.get(),
    'onboarding:step': ({ step, state }) => onboarding.markStep(step, state),
    'onboarding:dismiss': () => onboarding.dismiss(),
    'onboarding:restart': () => onboarding.restart(),
  };
}

/** updates:* — the app's own updates (disabled where there is no update feed). */
export function updateHandlers(updates: UpdateService): Prefixed<'updates'> {
  return {
    'updates:status': async () => updates.status(),
    'updates:check': () => updates.checkNow(),
    'updates:install': async () => updates.requestInstall(),
  };
}
