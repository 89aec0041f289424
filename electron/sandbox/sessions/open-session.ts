/** Creating session records (shared by online and batch open). */
import type { AccessContext } from '../auth/request-auth';
import { authOperations } from '../state/core-slices';
import { newReferenceNumber } from '../ids/reference-number';
import type { UnwrappedKey } from './encryption';
import type { SessionRuntime } from './runtime';
import { sessionStatus } from './statuses';
import type { BatchDeclaration, SessionRecord, SessionType } from './types';

export interface NewSession {
  type: SessionType;
  access: AccessContext;
  key: UnwrappedKey;
  validUntil: Date;
  offlineMode: boolean;
  batch?: BatchDeclaration;
}

export function openSession(runtime: SessionRuntime, request: NewSession): SessionRecord {
  const now = runtime.now();
  const { access } = request;
  const session: SessionRecord = {
    referenceNumber: newReferenceNumber(request.type === 'Online' ? 'SO' : 'SB', now),
    type: request.type,
    context: { ...access.context },
    ...(access.identity ? { identity: { ...access.identity } } : {}),
    authReferenceNumber: access.authReferenceNumber,
    authMethod: access.authMethod,
    ...(access.ksefTokenReference ? { ksefTokenReference: access.ksefTokenReference } : {}),
    ...signedDocumentHash(runtime, access),
    // A key that does not unwrap still opens the session; it just cannot be used (status 415).
    status: sessionStatus(request.type, request.key.symmetricKey ? 100 : 415),
    dateCreated: now.toISOString(),
    dateUpdated: now.toISOString(),
    validUntil: request.validUntil.toISOString(),
    ...(request.key.symmetricKey ? { symmetricKey: request.key.symmetricKey } : {}),
    initializationVector: request.key.initializationVector,
    offlineMode: request.offlineMode,
    invoices: [],
    upoPages: [],
    ...(request.batch ? { batch: request.batch } : {}),
  };
  runtime.sessions[session.referenceNumber] = session;
  runtime.deps.store.changed();
  return session;
}

/** Who may send invoices (PROTOCOL Appendix A). */
export const ONLINE_WRITE_PERMISSIONS = ['InvoiceWrite', 'PefInvoiceWrite', 'EnforcementOperations'] as const;
export const BATCH_WRITE_PERMISSIONS = ['InvoiceWrite', 'EnforcementOperations'] as const;
export const SESSION_READ_PERMISSIONS = ['InvoiceWrite', 'Introspection', 'PefInvoiceWrite', 'EnforcementOperations'] as const;
export const SESSION_LIST_PERMISSIONS = ['InvoiceWrite', 'Introspection', 'EnforcementOperations'] as const;

/** The sign-in's signed document hash, which the UPO quotes for XAdES sign-ins. */
function signedDocumentHash(runtime: SessionRuntime, access: AccessContext): { authDocumentHash?: string } {
  const hash = authOperations(runtime.deps.store)[access.authReferenceNumber]?.authDocumentHash;
  return hash ? { authDocumentHash: hash } : {};
}
