import { KsefAuthenticator, type KsefAuthenticatorOptions } from './auth/authenticator';
import type { PollPolicy } from './auth/poll';
import { KsefSession, type KsefSessionOptions, type KsefSessionState } from './auth/session';
import { KsefTransport, type KsefExchange } from './http/transport';
import { KsefPublicKeys } from './public-keys';
import type { RateLimit, RateLimitGroup } from './scheduler/endpoints';
import type { RetryPolicy } from './scheduler/retry-policy';
import { KsefScheduler, type SchedulerEvent } from './scheduler/scheduler';
import { systemTime, type KsefTime } from './time';

export interface KsefClientOptions {
  /** API base including /v2 (shared/domain/environments.ts, or the sandbox's baseUrl). */
  baseUrl: string;
  time?: KsefTime;
  retry?: Partial<RetryPolicy>;
  /** Override limits (e.g. night-time or values from GET /rate-limits); defaults are the official ones. */
  limits?: Partial<Record<RateLimitGroup, RateLimit>>;
  timeoutMs?: number;
  authPoll?: Partial<PollPolicy>;
  session?: KsefSessionOptions;
  random?: () => number;
  onSchedulerEvent?: (event: SchedulerEvent) => void;
  userAgent?: string;
  onExchange?: (exchange: KsefExchange) => void;
}

/** One KSeF environment: shared scheduler, transport, public-key cache and authenticator. */
export interface KsefClient {
  readonly baseUrl: string;
  readonly scheduler: KsefScheduler;
  readonly transport: KsefTransport;
  readonly publicKeys: KsefPublicKeys;
  readonly auth: KsefAuthenticator;
  /** Rebuilds a session from a stored snapshot (e.g. after an app restart). */
  resumeSession(state: KsefSessionState): KsefSession;
}

export function createKsefClient(options: KsefClientOptions): KsefClient {
  const time = options.time ?? systemTime;
  const scheduler = new KsefScheduler({
    time,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.onSchedulerEvent ? { onEvent: options.onSchedulerEvent } : {}),
  });
  const transport = new KsefTransport({
    baseUrl: options.baseUrl,
    scheduler,
    time,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  });
  const publicKeys = new KsefPublicKeys(transport, time);
  const authOptions: KsefAuthenticatorOptions = {
    time,
    ...(options.authPoll ? { poll: options.authPoll } : {}),
    ...(options.session ? { session: options.session } : {}),
  };
  return {
    baseUrl: transport.baseUrl,
    scheduler,
    transport,
    publicKeys,
    auth: new KsefAuthenticator(transport, publicKeys, authOptions),
    resumeSession: (state) => new KsefSession(transport, state, { time, ...options.session }),
  };
}
