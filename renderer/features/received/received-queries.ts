import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReceivedExportJob, ReceivedFilter, ReceivedSyncSummary } from '../../../shared/ipc/channels/received';
import type { RequestOf } from '../../../shared/ipc/types';
import { unwrap, useKsefApi } from '../../api/api-context';

/** Query keys of the Received page; `received:synced` invalidates them all (the archive changed). */
export const receivedKeys = {
  all: ['received'] as const,
  list: (request: RequestOf<'received:list'>) => ['received', 'list', request] as const,
  totals: (filter: ReceivedFilter) => ['received', 'totals', filter] as const,
  detail: (id: number) => ['received', 'detail', id] as const,
  syncState: ['received', 'syncState'] as const,
  badges: ['received', 'badges'] as const,
  sellers: (companyNip: string | undefined) => ['received', 'sellers', companyNip ?? '*'] as const,
};

export function useReceivedList(request: RequestOf<'received:list'>) {
  const api = useKsefApi();
  return useQuery({ queryKey: receivedKeys.list(request), queryFn: () => unwrap(api.received.list(request)), placeholderData: (previous) => previous });
}

export function useReceivedTotals(filter: ReceivedFilter) {
  const api = useKsefApi();
  return useQuery({ queryKey: receivedKeys.totals(filter), queryFn: () => unwrap(api.received.totals({ filter })), placeholderData: (previous) => previous });
}

export function useReceivedDetail(id: number | null) {
  const api = useKsefApi();
  return useQuery({ queryKey: receivedKeys.detail(id ?? 0), queryFn: () => unwrap(api.received.get({ id: id ?? 0 })), enabled: id !== null });
}

export function useSyncState() {
  const api = useKsefApi();
  return useQuery({ queryKey: receivedKeys.syncState, queryFn: () => unwrap(api.received.syncState({})) });
}

export function useReceivedBadges() {
  const api = useKsefApi();
  return useQuery({ queryKey: receivedKeys.badges, queryFn: () => unwrap(api.received.badges({})) });
}

function useInvalidateReceived() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: receivedKeys.all });
}

export function useReceivedMutations() {
  const api = useKsefApi();
  const client = useQueryClient();
  const invalidate = useInvalidateReceived();
  return {
    sync: useMutation({ mutationFn: (request: RequestOf<'received:sync'>) => unwrap(api.received.sync(request)), onSettled: invalidate }),
    syncAll: useMutation({ mutationFn: (request: RequestOf<'received:syncAll'>) => unwrap(api.received.syncAll(request)), onSettled: invalidate }),
    cancelSync: useMutation({ mutationFn: () => unwrap(api.received.cancelSync({})) }),
    setState: useMutation({ mutationFn: (request: RequestOf<'received:setState'>) => unwrap(api.received.setState(request)), onSettled: invalidate }),
    markRead: useMutation({ mutationFn: (request: RequestOf<'received:markRead'>) => unwrap(api.received.markRead(request)), onSettled: invalidate }),
    // Only the badge depends on "seen"; re-reading the list here would make the page query itself again.
    markSeen: useMutation({
      mutationFn: (request: RequestOf<'received:markSeen'>) => unwrap(api.received.markSeen(request)),
      onSettled: () => void client.invalidateQueries({ queryKey: receivedKeys.badges }),
    }),
  };
}

/** Live sync progress and the last outcome, from main's events; the archive queries refresh when a run ends. */
export function useSyncEvents(): ReceivedSyncSummary | null {
  const api = useKsefApi();
  const client = useQueryClient();
  const [last, setLast] = useState<ReceivedSyncSummary | null>(null);
  useEffect(() => {
    const offProgress = api.events.on('received:progress', (progress) => {
      client.setQueryData(receivedKeys.syncState, (state: { running: unknown; last: unknown[] } | undefined) => ({ last: state?.last ?? [], running: progress.phase === 'done' ? null : progress }));
    });
    const offSynced = api.events.on('received:synced', (summary) => {
      setLast(summary);
      void client.invalidateQueries({ queryKey: receivedKeys.all });
    });
    return () => {
      offProgress();
      offSynced();
    };
  }, [api, client]);
  return last;
}

/** Follows one export job: main's `received:exportProgress` events, plus a poll so a job that ends before the
 * renderer learns its id is still seen. */
export function useExportProgress(jobId: string | null): ReceivedExportJob | null {
  const api = useKsefApi();
  const client = useQueryClient();
  const key = ['received', 'export', jobId ?? ''] as const;
  const query = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.received.exportStatus({ jobId: jobId ?? '' })),
    enabled: jobId !== null,
    refetchInterval: (current) => (current.state.data?.state === 'running' || !current.state.data ? 400 : false),
  });
  useEffect(() => {
    if (!jobId) return undefined;
    return api.events.on('received:exportProgress', (update) => {
      if (update.jobId === jobId) client.setQueryData(['received', 'export', jobId], update);
    });
  }, [api, client, jobId]);
  return jobId ? (query.data ?? null) : null;
}
