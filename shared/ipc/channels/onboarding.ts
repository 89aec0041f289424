import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';
import { noInput } from './limits';

/** The first-run guide: add your company → sign in → the first invoice. */
export const ONBOARDING_STEPS = ['company', 'signIn', 'firstInvoice'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export type OnboardingStepState = 'pending' | 'done' | 'skipped';

export interface OnboardingState {
  /** 'open': the guide shows on start; 'finished': every step done or skipped; 'dismissed': closed as a whole. */
  status: 'open' | 'finished' | 'dismissed';
  steps: Record<OnboardingStep, OnboardingStepState>;
}

export const onboardingChannels = {
  'onboarding:get': defineChannel(noInput).returns<OnboardingState>(),
  /** Marks one step done or skipped. */
  'onboarding:step': defineChannel(
    z.object({ step: z.enum(ONBOARDING_STEPS), state: z.enum(['done', 'skipped']) }).strict(),
  ).returns<OnboardingState>(),
  /** "Skip the guide" as a whole. */
  'onboarding:dismiss': defineChannel(noInput).returns<OnboardingState>(),
  /** Settings → "Show the guide again": every step pending again. */
  'onboarding:restart': defineChannel(noInput).returns<OnboardingState>(),
} as const;

export const onboardingEvents = {
  'onboarding:changed': defineEvent<OnboardingState>(),
} as const;
