import type { SandboxStore } from './store';
import type {
  AuthOperationRecord,
  ChallengeRecord,
  ContextIdentifier,
  IssuedCertificateRecord,
  KsefTokenRecord,
  PermissionGrant,
  PersonRecord,
} from './types';

/** Typed accessors for the slices the core owns. Other modules add theirs with `store.slice(name, init)`. */
export const challenges = (store: SandboxStore) => store.slice<Record<string, ChallengeRecord>>('challenges', () => ({}));
export const authOperations = (store: SandboxStore) => store.slice<Record<string, AuthOperationRecord>>('authOperations', () => ({}));
/** Keyed by token reference number. */
export const ksefTokens = (store: SandboxStore) => store.slice<Record<string, KsefTokenRecord>>('ksefTokens', () => ({}));
/** Keyed by `contextKey(context)`. */
export const permissionGrants = (store: SandboxStore) => store.slice<Record<string, PermissionGrant[]>>('permissions', () => ({}));
/** NIP–PESEL links, keyed by PESEL. */
export const persons = (store: SandboxStore) => store.slice<Record<string, PersonRecord>>('persons', () => ({}));
/** Sandbox-issued KSeF certificates, keyed by 16-hex serial. */
export const issuedCertificates = (store: SandboxStore) => store.slice<Record<string, IssuedCertificateRecord>>('issuedCertificates', () => ({}));

export function contextKey(context: ContextIdentifier): string {
  return `${context.type}:${context.value}`;
}
