/**
 * Per-sandbox state of the sessions module: the persisted session records plus what must not be persisted
 * (uploaded batch parts, in-flight processing) and the shared FA(3) schema validator.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxDeps } from '../deps';
import { createFa3SchemaValidator, type Fa3SchemaValidator } from '../invoices/validate';
import type { SessionRecord } from './types';

/** Knobs tests and the benchmark may change through the store (`sessionSettings(store)`). */
export interface SessionSettings {
  /** ≤10 000 invoices per session (online and batch, PROTOCOL §18). */
  maxInvoicesPerSession: number;
}

export const DEFAULT_MAX_INVOICES_PER_SESSION = 10_000;
export const ONLINE_SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Batch parts may be uploaded for 20 minutes per declared part (PROTOCOL §6). */
export const UPLOAD_WINDOW_PER_PART_MS = 20 * 60 * 1000;
export const UPO_URL_LIFETIME_MS = 60 * 60 * 1000;

export const sessionSettings = (deps: Pick<SandboxDeps, 'store'>) =>
  deps.store.slice<SessionSettings>('sessionSettings', () => ({ maxInvoicesPerSession: DEFAULT_MAX_INVOICES_PER_SESSION }));

export const sessionRecords = (deps: Pick<SandboxDeps, 'store'>) => deps.store.slice<Record<string, SessionRecord>>('sessions', () => ({}));

export class SessionRuntime {
  readonly schemaValidator: Fa3SchemaValidator;
  /** HMAC key of presigned URLs; persisted so URLs handed out survive a restart of a persistent sandbox. */
  readonly presignKey: Buffer;
  /** Uploaded encrypted batch parts, by session then ordinal; kept in memory only (can be 5 GB). */
  private readonly uploadedParts = new Map<string, Map<number, Buffer>>();
  /** Invoice processing still running per session; close waits for it before building the session UPO. */
  private readonly inFlight = new Map<string, Set<Promise<void>>>();

  constructor(readonly deps: SandboxDeps) {
    this.schemaValidator = createFa3SchemaValidator(deps.schemaDir);
    const secret = deps.store.slice<{ key: string }>('sessionPresignSecret', () => ({ key: randomBytes(32).toString('base64') }));
    this.presignKey = Buffer.from(secret.key, 'base64');
  }

  get sessions(): Record<string, SessionRecord> {
    return sessionRecords(this.deps);
  }

  get settings(): SessionSettings {
    return sessionSettings(this.deps);
  }

  now(): Date {
    return this.deps.clock.now();
  }

  /** Marks the session as changed now (`dateUpdated`) and schedules a state save. */
  touch(session: SessionRecord): void {
    session.dateUpdated = this.now().toISOString();
    this.deps.store.changed();
  }

  track(sessionReference: string, work: Promise<void>): void {
    let set = this.inFlight.get(sessionReference);
    if (!set) this.inFlight.set(sessionReference, (set = new Set()));
    const entry = work.catch((error: unknown) => this.deps.log(`sandbox: session ${sessionReference} processing failed: ${String(error)}`));
    set.add(entry);
    void entry.finally(() => set.delete(entry));
  }

  async settled(sessionReference: string): Promise<void> {
    const set = this.inFlight.get(sessionReference);
    while (set && set.size > 0) await Promise.all([...set]);
    this.inFlight.delete(sessionReference);
  }

  storePart(sessionReference: string, ordinalNumber: number, bytes: Buffer): void {
    let parts = this.uploadedParts.get(sessionReference);
    if (!parts) this.uploadedParts.set(sessionReference, (parts = new Map()));
    parts.set(ordinalNumber, bytes);
  }

  partsOf(sessionReference: string): ReadonlyMap<number, Buffer> {
    return this.uploadedParts.get(sessionReference) ?? new Map();
  }

  dropParts(sessionReference: string): void {
    this.uploadedParts.delete(sessionReference);
  }
}
