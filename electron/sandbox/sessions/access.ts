/** Finding a session for the caller: existence, ownership and lazily applied time limits. */
import type { AccessContext } from '../auth/request-auth';
import type { SubjectIdentity } from '../state/types';
import { sessionNotFound } from './errors';
import { applyTimeouts } from './finalize';
import type { SessionRuntime } from './runtime';
import type { SessionRecord, SessionType } from './types';

/** Permissions that see every session of the context; InvoiceWrite alone sees only the caller's own (spec, GET /sessions). */
const CONTEXT_WIDE_PERMISSIONS = ['Introspection', 'EnforcementOperations'];

function sameIdentity(a: SubjectIdentity | undefined, b: SubjectIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.type === b.type && a.value === b.value;
}

function sameContext(session: SessionRecord, access: AccessContext): boolean {
  return session.context.type === access.context.type && session.context.value === access.context.value;
}

/** Opened by the same subject (or, without a known identity, in the same authentication). */
export function isOwnSession(session: SessionRecord, access: AccessContext): boolean {
  return sameContext(session, access) && (sameIdentity(session.identity, access.identity) || session.authReferenceNumber === access.authReferenceNumber);
}

export function canSeeSession(session: SessionRecord, access: AccessContext): boolean {
  if (!sameContext(session, access)) return false;
  return access.permissions.some((p) => CONTEXT_WIDE_PERMISSIONS.includes(p)) || isOwnSession(session, access);
}

/** For sending and closing: only the opener's sessions of the right type; anything else is "no such session" (21173). */
export function sessionForWrite(runtime: SessionRuntime, referenceNumber: string, access: AccessContext, type: SessionType): SessionRecord {
  const session = runtime.sessions[referenceNumber];
  if (!session || session.type !== type || !isOwnSession(session, access)) throw sessionNotFound(referenceNumber);
  applyTimeouts(runtime, session);
  return session;
}

export function sessionForRead(runtime: SessionRuntime, referenceNumber: string, access: AccessContext): SessionRecord {
  const session = runtime.sessions[referenceNumber];
  if (!session || !canSeeSession(session, access)) throw sessionNotFound(referenceNumber);
  applyTimeouts(runtime, session);
  return session;
}
