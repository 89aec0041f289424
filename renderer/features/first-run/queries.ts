import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OnboardingState, OnboardingStep } from '../../../shared/ipc/channels/onboarding';
import type { UpdateStatus } from '../../../shared/ipc/channels/updates';
import { unwrap, useKsefApi } from '../../api/api-context';

export const firstRunKeys = {
  onboarding: ['onboarding'] as const,
  updates: ['updates'] as const,
};

/** The guide's progress; main pushes changes (another window, the CLI) through `onboarding:changed`. */
export function useOnboarding() {
  const api = useKsefApi();
  const client = useQueryClient();
  useEffect(() => api.events.on('onboarding:changed', (state) => client.setQueryData(firstRunKeys.onboarding, state)), [api, client]);
  return useQuery({ queryKey: firstRunKeys.onboarding, queryFn: () => unwrap(api.onboarding.get({})) });
}

export function useOnboardingMutations() {
  const api = useKsefApi();
  const client = useQueryClient();
  const store = (state: OnboardingState) => client.setQueryData(firstRunKeys.onboarding, state);
  return {
    step: useMutation({
      mutationFn: (request: { step: OnboardingStep; state: 'done' | 'skipped' }) => unwrap(api.onboarding.step(request)),
      onSuccess: store,
    }),
    dismiss: useMutation({ mutationFn: () => unwrap(api.onboarding.dismiss({})), onSuccess: store }),
    restart: useMutation({ mutationFn: () => unwrap(api.onboarding.restart({})), onSuccess: store }),
  };
}

export function useUpdateStatus() {
  const api = useKsefApi();
  const client = useQueryClient();
  useEffect(() => api.events.on('updates:changed', (status) => client.setQueryData(firstRunKeys.updates, status)), [api, client]);
  return useQuery({ queryKey: firstRunKeys.updates, queryFn: () => unwrap(api.updates.status({})) });
}

export function useInstallUpdate() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.updates.install({})),
    onSuccess: (status: UpdateStatus) => client.setQueryData(firstRunKeys.updates, status),
  });
}
