import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OutboxChanged } from '../../../shared/ipc/channels/outbox';
import type { RequestOf } from '../../../shared/ipc/types';
import { unwrap, useKsefApi } from '../../api/api-context';

/** Query keys of the Sent page; `outbox:changed` and `offline:changed` invalidate them (renderer/api/document-events.ts). */
export const sentKeys = {
  outbox: ['outbox'] as const,
  list: (request: RequestOf<'outbox:list'>) => ['outbox', 'list', request] as const,
  item: (id: string) => ['outbox', 'item', id] as const,
  offline: ['offline'] as const,
  offlineStatus: ['offline', 'status'] as const,
  offlineInvoices: ['offline', 'invoices'] as const,
};

export function useOutboxList(request: RequestOf<'outbox:list'>) {
  const api = useKsefApi();
  return useQuery({ queryKey: sentKeys.list(request), queryFn: () => unwrap(api.outbox.list(request)), placeholderData: (previous) => previous });
}

export function useOutboxItem(id: string | null) {
  const api = useKsefApi();
  return useQuery({ queryKey: sentKeys.item(id ?? ''), queryFn: () => unwrap(api.outbox.get({ id: id ?? '' })), enabled: id !== null });
}

/** C's InvoiceView data for one outbox item (with its QR codes). */
export function useSentInvoiceView(id: string) {
  const api = useKsefApi();
  return useQuery({ queryKey: [...sentKeys.item(id), 'view'], queryFn: () => unwrap(api.offline.view({ id })), retry: false });
}

export function useOfflineStatus() {
  const api = useKsefApi();
  return useQuery({ queryKey: sentKeys.offlineStatus, queryFn: () => unwrap(api.offline.status({})) });
}

/** Offline facts (deadline, KOD I/II) of every offline invoice: few, so one call. */
export function useOfflineInvoices() {
  const api = useKsefApi();
  return useQuery({ queryKey: sentKeys.offlineInvoices, queryFn: () => unwrap(api.offline.invoices({})) });
}

/** After a change of what is stored, both the outbox and its offline facts are read again. */
function useInvalidateSent() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: sentKeys.outbox });
    void client.invalidateQueries({ queryKey: sentKeys.offline });
  };
}

export function useSendNow() {
  const api = useKsefApi();
  const invalidate = useInvalidateSent();
  return useMutation({ mutationFn: () => unwrap(api.outbox.sendNow({})), onSettled: invalidate });
}

export function useImportFiles() {
  const api = useKsefApi();
  const invalidate = useInvalidateSent();
  return useMutation({ mutationFn: (request: RequestOf<'outbox:importFiles'>) => unwrap(api.outbox.importFiles(request)), onSettled: invalidate });
}

export function useResend() {
  const api = useKsefApi();
  const invalidate = useInvalidateSent();
  return useMutation({ mutationFn: (request: RequestOf<'outbox:resend'>) => unwrap(api.outbox.resend(request)), onSettled: invalidate });
}

export function useSetOfflineManual() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => unwrap(api.offline.setManual({ on })),
    onSuccess: (status) => client.setQueryData(sentKeys.offlineStatus, status),
  });
}

export function useCheckConnection() {
  const api = useKsefApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.offline.check({})),
    onSuccess: (status) => client.setQueryData(sentKeys.offlineStatus, status),
  });
}

export function useCompleteKod2() {
  const api = useKsefApi();
  const invalidate = useInvalidateSent();
  return useMutation({ mutationFn: () => unwrap(api.offline.completeKod2({})), onSettled: invalidate });
}

/**
 * The latest batch progress for the progress bar (cleared when the batch is done). Re-reading the outbox and
 * offline state on main's events is app-wide (renderer/api/document-events.ts).
 */
export function useSentEvents(): OutboxChanged['progress'] | null {
  const api = useKsefApi();
  const [progress, setProgress] = useState<OutboxChanged['progress'] | null>(null);
  useEffect(() => api.events.on('outbox:changed', (change) => setProgress(change.progress && change.progress.phase !== 'done' ? change.progress : null)), [api]);
  return progress;
}
