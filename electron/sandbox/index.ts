import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { JwtService } from './auth/jwt';
import { loadOrCreateCrypto } from './crypto/material';
import type { RouteModule, SandboxDeps } from './deps';
import { createFaultsAdmin, FAULTS_ADMIN_PATH } from './faults/admin';
import { FaultInjector } from './faults/injector';
import { parseFaultPlan } from './faults/plan';
import { RateLimiter, type RateLimitMode } from './ratelimit/limiter';
import { ROUTE_MODULES } from './routes';
import { systemClock, type Clock } from './server/clock';
import { isAllowedHostHeader } from './server/host-check';
import { API_PREFIX, createSandboxHttpServer } from './server/http-server';
import { Router } from './server/router';
import { SandboxStore } from './state/store';

export interface SandboxOptions {
  host?: string;
  /** 0 or omitted = a random free port. */
  port?: number;
  /** Persist state to this file (loaded on start, saved debounced and on close). */
  stateFile?: string;
  limits?: RateLimitMode;
  /** Fault plan, compact (`latency=200ms;drop=0.1`) or JSON. */
  faults?: string;
  /** FA(3) XSD from this KSeF pack (or schema folder) instead of the copy the app ships; validation is always on. */
  schemaDir?: string;
  /** `--seed-received NIP:COUNT` requests for the invoices module. */
  seedReceived?: { nip: string; count: number }[];
  clock?: Clock;
  log?: (line: string) => void;
  /** Extra route modules after ROUTE_MODULES (tests, experiments). */
  extraRoutes?: RouteModule[];
  /** Secret for the fault-admin API (header `x-sandbox-admin-secret`); default: random per run. */
  adminSecret?: string;
  /** How injected latency waits; tests replace it to observe latency without timing. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:PORT/v2 */
  baseUrl: string;
  port: number;
  deps: SandboxDeps;
  limiter: RateLimiter;
  faults: FaultInjector;
  /** The fault-admin API: PUT/GET/DELETE `url` with header `x-sandbox-admin-secret: secret`. */
  faultsAdmin: { url: string; secret: string };
  close(): Promise<void>;
}

/** Starts the local KSeF 2.0 server. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const store = options.stateFile
    ? SandboxStore.persistent(options.stateFile, (error) => log(`sandbox: cannot save state: ${error.message}`))
    : SandboxStore.inMemory();
  const crypto = await loadOrCreateCrypto(store, clock.now());
  const deps: SandboxDeps = {
    store,
    clock,
    crypto,
    jwt: new JwtService(crypto.jwtSigningKey, crypto.jwtVerifyKey, clock),
    log,
    ...(options.schemaDir ? { schemaDir: options.schemaDir } : {}),
    seedReceived: options.seedReceived ?? [],
  };
  const router = new Router();
  for (const register of [...ROUTE_MODULES, ...(options.extraRoutes ?? [])]) register(router, deps);

  const limiter = new RateLimiter(clock, options.limits ?? 'official');
  const faults = new FaultInjector();
  if (options.faults) faults.setPlan(parseFaultPlan(options.faults));

  const adminSecret = options.adminSecret ?? randomBytes(24).toString('base64url');
  let boundPort = -1; // nothing is answered before listen() tells us the real port
  const server = createSandboxHttpServer({
    router,
    clock,
    limiter,
    faults,
    admin: createFaultsAdmin(faults, adminSecret),
    allowHost: (hostHeader) => isAllowedHostHeader(hostHeader, { boundHost: host, port: boundPort }),
    log,
    onMutation: () => store.changed(),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  boundPort = port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${hostForUrl}:${port}${API_PREFIX}`;
  store.flush();

  log(
    `KSeF sandbox listening on ${baseUrl} · rate limits ${limiter.getMode() === 'official' ? 'on (official)' : 'off'} · ` +
      `invoice validation: official FA(3) XSD (in-process libxml2/WebAssembly) from ${options.schemaDir ?? 'the bundled schema'}` +
      `${options.stateFile ? ` · state file ${options.stateFile}` : ' · in-memory state'}` +
      `${options.faults ? ` · faults: ${options.faults}` : ''}`,
  );

  return {
    baseUrl,
    port,
    deps,
    limiter,
    faults,
    faultsAdmin: { url: `http://${hostForUrl}:${port}${FAULTS_ADMIN_PATH}`, secret: adminSecret },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.changed();
      store.flush();
    },
  };
}

export type { Clock } from './server/clock';
