import { contextKey, permissionGrants } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { ContextIdentifier, PermissionGrant } from '../state/types';
import { permissionRecords, sameContext, type PermissionRecord } from './grant-store';

/**
 * Clients that passed `permission` to the intermediary's NIP with canDelegate=true (entity grants),
 * narrowed to the indirect grant's target when it names one client.
 */
export function delegatingClients(records: readonly PermissionRecord[], intermediary: ContextIdentifier, permission: string, target?: PermissionRecord['target']): ContextIdentifier[] {
  if (intermediary.type !== 'Nip') return [];
  return records
    .filter((r) => r.kind === 'entity' && r.state === 'Active' && r.canDelegate && r.permission === permission)
    .filter((r) => r.grantee.type === 'Nip' && r.grantee.value === intermediary.value)
    .map((r) => r.context)
    .filter((client) => !target || target.type === 'AllPartners' || sameContext(client, target));
}

function effectiveEntry(record: PermissionRecord, context: ContextIdentifier): PermissionGrant {
  return {
    id: record.id,
    context,
    grantee: record.grantee,
    permission: record.permission,
    description: record.description,
    grantedAt: record.startDate,
    source: 'api',
  };
}

/**
 * Rebuilds the API-made entries of the `permissions` slice, the one the auth entitlement check reads
 * (context → grantee → permission). Entries from /testdata/permissions are left alone.
 *  - person grant: the grantee may log in to the granter's context;
 *  - entity grant: the entity's NIP may log in to the granter's context. KSeF does not document this
 *    (PROTOCOL §13 marks it UNCONFIRMED); the sandbox allows it because the grant names exactly that
 *    NIP as the party working on the granter's invoices, and a seal (VATPL) or TINPL certificate of
 *    that NIP is the natural way for the entity itself to act;
 *  - indirect grant: the person may log in to each client that delegated the permission to the intermediary.
 * Deriving (not copying) keeps everything consistent when a client later revokes its entity grant.
 */
export function syncEffectiveGrants(store: SandboxStore): void {
  const records = Object.values(permissionRecords(store));
  const active = records.filter((r) => r.state === 'Active');
  const derived: PermissionGrant[] = [];
  for (const record of active) {
    if (record.kind === 'indirect') {
      for (const client of delegatingClients(active, record.context, record.permission, record.target)) derived.push(effectiveEntry(record, client));
    } else {
      derived.push(effectiveEntry(record, record.context));
    }
  }
  const slice = permissionGrants(store);
  for (const key of Object.keys(slice)) slice[key] = (slice[key] ?? []).filter((g) => g.source !== 'api');
  for (const entry of derived) (slice[contextKey(entry.context)] ??= []).push(entry);
  store.changed();
}
