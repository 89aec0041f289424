/** What a sending round needs: the signed-in session for one NIP context in one environment. */
import type { KsefSession } from '../ksef';
import { KsefSessionsApi, type SymmetricKeyWrapper } from '../ksef/api/sessions';
import type { KsefTime } from '../ksef/time';
import { systemTime } from '../ksef/time';
import type { OutboxChanged } from '../../../shared/ipc/channels/outbox';
import type { OutboxStore } from './outbox-store';
import { sessionKeyWrapper } from './key-wrapper';

/** E2's hooks (electron/services/outbox/offline/offline-coordinator.ts); every method optional to the sender. */
export interface OfflinePort {
  modeFor(requested?: 'online' | 'offline'): 'online' | 'offline';
  canSend(): boolean;
  observe(error?: unknown): void;
  onOfflineIssued(invoice: { id: string; xml: Buffer; issueDate: string; sellerNip: string }): Promise<unknown>;
  deadlineOf?(outboxId: string): string | null;
}

export interface SendContext {
  session: KsefSession;
  api: KsefSessionsApi;
  wrapKey: SymmetricKeyWrapper;
  contextNip: string;
  environment: string;
}

export function sendContext(session: KsefSession, environment: string, wrapKey?: SymmetricKeyWrapper): SendContext {
  return { session, api: new KsefSessionsApi(session), wrapKey: wrapKey ?? sessionKeyWrapper(session), contextNip: session.context.value, environment };
}

export interface SenderDeps {
  store: OutboxStore;
  time?: KsefTime;
  /** Folder for batch parts on their way (deleted after the session is closed). */
  workDir: string;
  notify: (change: OutboxChanged) => void;
  /** E2's coordinator once wired (it is built before the outbox). */
  offline?: () => OfflinePort | null;
  log?: (message: string, error?: unknown) => void;
}

export const timeOf = (deps: SenderDeps): KsefTime => deps.time ?? systemTime;

/** Reports every KSeF call to the outage detector (E2), then passes the result or error through. */
export async function observed<T>(deps: SenderDeps, call: () => Promise<T>): Promise<T> {
  try {
    const value = await call();
    deps.offline?.()?.observe();
    return value;
  } catch (error) {
    deps.offline?.()?.observe(error);
    throw error;
  }
}

/** Poll delays: quick at first (the sandbox and KSeF usually answer within a second), then slower. */
export function pollDelay(attempt: number): number {
  return Math.min(5_000, 200 * 2 ** Math.min(attempt, 5));
}
