import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RequestOf } from '../../shared/ipc/types';
import { unwrap, useKsefApi } from './api-context';

/** Query keys per domain; main's push events invalidate them (no second copy of main's data). */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  settings: ['settings'] as const,
};

export function useAppInfo() {
  const api = useKsefApi();
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => unwrap(api.app.info({})) });
}

export function useSettings() {
  const api = useKsefApi();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => unwrap(api.settings.get({})) });
}

export function useUpdateSettings() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'settings:update'>) => unwrap(api.settings.update(request)),
    onSuccess: (settings) => {
      client.setQueryData(queryKeys.settings, settings);
      void client.invalidateQueries({ queryKey: queryKeys.appInfo });
    },
  });
}

/** Subscribes once to main's events and invalidates what they describe. */
export function useMainEvents() {
  const api = useKsefApi();
  const client = useQueryClient();
  useEffect(() => {
    const unsubscribe = api.events.on('settings:changed', (settings) => {
      client.setQueryData(queryKeys.settings, settings);
      void client.invalidateQueries({ queryKey: queryKeys.appInfo });
    });
    return unsubscribe;
  }, [api, client]);
}
