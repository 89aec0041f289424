import type { SandboxStore } from '../state/store';
import type { ContextIdentifier, StatusInfo, SubjectIdentity } from '../state/types';

export type GrantKind = 'person' | 'entity' | 'indirect';

/** Indirect grants name one client (selective) or every client of the intermediary (general). */
export type IndirectTarget = { type: 'Nip' | 'InternalId'; value: string } | { type: 'AllPartners' };

/** PermissionsSubjectPersonDetails as the queries return it. */
export interface PersonDetailsView {
  subjectDetailsType: 'PersonByIdentifier' | 'PersonByFingerprintWithIdentifier' | 'PersonByFingerprintWithoutIdentifier';
  firstName: string;
  lastName: string;
  personIdentifier?: { type: 'Pesel' | 'Nip'; value: string };
  birthDate?: string;
  idDocument?: { type: string; number: string; country: string };
}

/**
 * One granted permission as KSeF reports it (one id per permission). `context` is where it was
 * granted: the granter's context for person/entity grants, the intermediary's for indirect ones.
 * What a grant lets someone log in to is derived from these in effective-grants.ts.
 */
export interface PermissionRecord {
  id: string;
  kind: GrantKind;
  context: ContextIdentifier;
  grantee: SubjectIdentity;
  permission: string;
  canDelegate: boolean;
  target?: IndirectTarget;
  author: SubjectIdentity;
  description: string;
  personDetails?: PersonDetailsView;
  entityDetails?: { subjectDetailsType: 'EntityByIdentifier'; fullName: string };
  startDate: string;
  /** Pending until its operation reaches 200; Rejected when the operation fails. */
  state: 'Pending' | 'Active' | 'Rejected' | 'Revoked';
}

export type OperationAction = { kind: 'grant'; permissionIds: string[] } | { kind: 'revoke'; permissionId: string };

/** GET /permissions/operations/{ref}. */
export interface PermissionOperation {
  referenceNumber: string;
  context: ContextIdentifier;
  createdAt: string;
  status: StatusInfo;
  action: OperationAction;
}

export const permissionRecords = (store: SandboxStore) => store.slice<Record<string, PermissionRecord>>('permissionRecords', () => ({}));
export const permissionOperations = (store: SandboxStore) => store.slice<Record<string, PermissionOperation>>('permissionOperations', () => ({}));

/**
 * Consent to issue invoices with attachments, per NIP. POST /testdata/attachment (not built here)
 * is expected to write this slice; until then every context reads as not allowed.
 */
export interface AttachmentConsent {
  allowed: boolean;
  revokedDate?: string;
}
export const attachmentConsents = (store: SandboxStore) => store.slice<Record<string, AttachmentConsent>>('attachmentConsents', () => ({}));

export function sameContext(a: ContextIdentifier, b: { type: string; value?: string }): boolean {
  return a.type === b.type && a.value === b.value;
}
