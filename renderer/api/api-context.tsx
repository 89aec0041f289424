import { createContext, useContext, type ReactNode } from 'react';
import type { AppErrorPayload, Result } from '../../shared/ipc/result';
import type { KsefApi } from '../../shared/ipc/types';

const ApiContext = createContext<KsefApi | null>(null);

export function ApiProvider({ api, children }: { api: KsefApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useKsefApi(): KsefApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiProvider missing');
  return api;
}

/** A failed Result as an Error, so TanStack Query can carry it to the component that shows it. */
export class IpcFailure extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.code);
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new IpcFailure(result.error);
  return result.value;
}
