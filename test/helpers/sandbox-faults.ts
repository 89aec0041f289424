import type { RunningSandbox } from '../../electron/sandbox';
import { FAULTS_ADMIN_SECRET_HEADER } from '../../electron/sandbox/faults/admin';

/** The sandbox's fault-admin API (/__sandbox/faults) with the run's secret; plans as in README (`outage`, `5xx=1:502@/auth/*`, JSON). */
export interface SandboxFaultsAdmin {
  set(plan: string | object): Promise<unknown>;
  get(): Promise<unknown>;
  clear(): Promise<void>;
}

export function sandboxFaults(sandbox: Pick<RunningSandbox, 'faultsAdmin'>): SandboxFaultsAdmin {
  const { url, secret } = sandbox.faultsAdmin;
  const call = async (method: 'GET' | 'PUT' | 'DELETE', body?: string): Promise<Response> => {
    const response = await fetch(url, { method, headers: { [FAULTS_ADMIN_SECRET_HEADER]: secret }, ...(body === undefined ? {} : { body }) });
    if (!response.ok) throw new Error(`fault admin ${method} → ${response.status}: ${await response.text()}`);
    return response;
  };
  return {
    set: async (plan) => (await call('PUT', typeof plan === 'string' ? plan : JSON.stringify(plan))).json(),
    get: async () => (await call('GET')).json(),
    clear: async () => void (await call('DELETE')),
  };
}
