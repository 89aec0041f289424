import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useKsefApi } from './api-context';

/**
 * Main's invoice events, followed for the whole app (queries never go stale by time): an invoice issued on
 * the form must be in the Sent list when that page opens, a sync must refresh Received wherever it started.
 * Pages add their own listeners only for progress they show.
 */
export function useDocumentEvents() {
  const api = useKsefApi();
  const client = useQueryClient();
  useEffect(() => {
    const invalidate = (key: readonly string[]) => () => void client.invalidateQueries({ queryKey: key });
    const unsubscribers = [
      api.events.on('outbox:changed', () => {
        void client.invalidateQueries({ queryKey: ['outbox'] });
        void client.invalidateQueries({ queryKey: ['offline', 'invoices'] });
      }),
      api.events.on('offline:changed', (status) => {
        client.setQueryData(['offline', 'status'], status);
        void client.invalidateQueries({ queryKey: ['offline', 'invoices'] });
      }),
      api.events.on('issue:changed', invalidate(['issue'])),
      api.events.on('received:synced', invalidate(['received'])),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, client]);
}
