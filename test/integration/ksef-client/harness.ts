import 'reflect-metadata';
import { createPrivateKey } from 'node:crypto';
import { createTestCertificate, type TestCertificateKeyType } from '../../../electron/services/certificates/test-certificate';
import { createXadesSigner } from '../../../electron/services/ksef/auth/xades-signer';
import { createKsefClient, type KsefClient, type KsefClientOptions } from '../../../electron/services/ksef/client';
import type { KsefContextIdentifier } from '../../../electron/services/ksef/auth/models';
import type { KsefSession } from '../../../electron/services/ksef/auth/session';
import type { SchedulerEvent } from '../../../electron/services/ksef/scheduler/scheduler';
import type { KsefExchange } from '../../../electron/services/ksef/http/transport';
import type { KsefTime } from '../../../electron/services/ksef/time';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../electron/sandbox/index';
import { FakeClock } from '../../../electron/sandbox/server/clock';
import { expectRequestMatchesSpec, expectResponseMatchesSpec } from '../../helpers/openapi-checks';

export const OWNER_NIP = '5265877635';
export const OTHER_NIP = '7762811692';

export interface Harness {
  sandbox: RunningSandbox;
  client: KsefClient;
  time: KsefTime;
  /** Present when the harness runs on virtual time shared by client and sandbox. */
  clock: FakeClock | undefined;
  events: SchedulerEvent[];
  /** Requests/responses of the client that do not match the official OpenAPI spec. */
  specViolations: string[];
  close(): Promise<void>;
}

/** Validates what the client sent and what it accepted against open-api.json. */
function checkAgainstSpec(exchange: KsefExchange, violations: string[]): void {
  const { request, response } = exchange;
  try {
    if (request.json !== undefined) expectRequestMatchesSpec(request.method, request.template, request.json);
    if (response && response.bodyText && response.contentType.includes('json')) {
      expectResponseMatchesSpec(request.method, request.template, response.status, JSON.parse(response.bodyText), response.contentType);
    }
  } catch (error) {
    violations.push(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Sandbox + client. With `virtualTime`, the client's sleeps advance the sandbox clock, so
 * Retry-After, backoff and minute windows cost no real time and the test counts instead of timing.
 */
export async function startHarness(
  options: { virtualTime?: boolean; sandbox?: Omit<SandboxOptions, 'clock'>; client?: Partial<KsefClientOptions> } = {},
): Promise<Harness> {
  const clock = options.virtualTime === false ? undefined : new FakeClock(new Date());
  const time: KsefTime | undefined = clock
    ? {
        now: () => clock.now().getTime(),
        sleep: async (ms) => {
          clock.advance(Math.max(0, ms));
          await new Promise((resolve) => setImmediate(resolve));
        },
      }
    : undefined;
  const sandbox = await startSandbox({ port: 0, limits: 'off', ...options.sandbox, ...(clock ? { clock } : {}) });
  const events: SchedulerEvent[] = [];
  const specViolations: string[] = [];
  const client = createKsefClient({
    baseUrl: sandbox.baseUrl,
    onExchange: (exchange) => checkAgainstSpec(exchange, specViolations),
    ...(time ? { time } : {}),
    onSchedulerEvent: (event) => events.push(event),
    timeoutMs: 5_000,
    ...options.client,
  });
  return { sandbox, client, time: time ?? { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }, clock, events, specViolations, close: () => sandbox.close() };
}

export type PersonOrSeal = 'person' | 'seal';

export async function testCertificate(nip: string, keyType: TestCertificateKeyType, kind: PersonOrSeal, now: Date) {
  const subject =
    kind === 'person'
      ? ({ kind: 'person', nip, givenName: 'Jan', surname: 'Kowalski', commonName: 'Jan Kowalski' } as const)
      : ({ kind: 'seal', nip, organizationName: 'Firma Testowa Sp. z o.o.', commonName: 'Firma Testowa' } as const);
  return createTestCertificate(subject, keyType, now);
}

/** XAdES login with a fresh self-signed certificate for `nip` into context `context`. */
export async function loginWithNewCertificate(
  harness: Harness,
  options: { nip?: string; context?: KsefContextIdentifier; keyType?: TestCertificateKeyType; kind?: PersonOrSeal } = {},
): Promise<KsefSession> {
  const nip = options.nip ?? OWNER_NIP;
  const certificate = await testCertificate(nip, options.keyType ?? 'rsa', options.kind ?? 'person', new Date(harness.time.now()));
  const key = createPrivateKey({ key: certificate.privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });
  return harness.client.auth.loginWithCertificate({
    context: options.context ?? { type: 'Nip', value: nip },
    subjectIdentifierType: 'certificateSubject',
    signer: createXadesSigner(certificate.certificateDer, key, harness.time),
  });
}

/** True when the sandbox routes `method path` (401/400/… rather than 404). */
export async function sandboxHas(harness: Harness, method: string, path: string): Promise<boolean> {
  const response = await fetch(`${harness.sandbox.baseUrl}${path}`, { method });
  await response.arrayBuffer();
  return response.status !== 404;
}

export function countEvents(events: SchedulerEvent[], type: SchedulerEvent['type'], endpoint?: string): number {
  return events.filter((e) => e.type === type && (endpoint === undefined || e.endpoint === endpoint)).length;
}
