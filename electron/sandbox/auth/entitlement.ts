import { contextKey, permissionGrants, persons } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { ContextIdentifier, SubjectIdentity } from '../state/types';

/** What an owner of a context may do: everything for invoices and administration except VatUeManage (PROTOCOL §4.1). */
export const OWNER_PERMISSIONS = ['InvoiceRead', 'InvoiceWrite', 'Introspection', 'CredentialsRead', 'CredentialsManage', 'SubunitManage'] as const;

/** Permissions explicitly granted to `identity` in `context` (testdata or permissions API), deduplicated. */
export function permissionsFor(store: SandboxStore, context: ContextIdentifier, identity: SubjectIdentity): string[] {
  const grants = permissionGrants(store)[contextKey(context)] ?? [];
  const names = grants.filter((g) => g.grantee.type === identity.type && g.grantee.value === identity.value).map((g) => g.permission);
  return [...new Set(names)];
}

/** Owner: the NIP itself, or a PESEL linked to that NIP through /testdata/person. */
export function isOwner(store: SandboxStore, context: ContextIdentifier, identity: SubjectIdentity): boolean {
  if (context.type !== 'Nip') return false;
  if (identity.type === 'Nip') return identity.value === context.value;
  if (identity.type === 'Pesel') return persons(store)[identity.value]?.nip === context.value;
  return false;
}

export interface Entitlement {
  isOwner: boolean;
  permissions: string[];
}

/** Everything `identity` may do in `context`; an empty permission list means authentication ends with 415. */
export function entitlementFor(store: SandboxStore, context: ContextIdentifier, identity: SubjectIdentity): Entitlement {
  const owner = isOwner(store, context, identity);
  const permissions = new Set<string>(owner ? OWNER_PERMISSIONS : []);
  if (owner && identity.type === 'Pesel' && persons(store)[identity.value]?.isBailiff) permissions.add('EnforcementOperations');
  for (const name of permissionsFor(store, context, identity)) permissions.add(name);
  return { isOwner: owner, permissions: [...permissions] };
}
