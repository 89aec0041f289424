import { forbidden } from '../server/errors';
import type { AccessContext } from '../auth/request-auth';
import { persons } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { SubjectIdentity } from '../state/types';

export function sameIdentity(a: SubjectIdentity, b: SubjectIdentity): boolean {
  return a.type === b.type && a.value === b.value;
}

/**
 * The caller's identifier plus those tied to it by a NIP–PESEL link (/testdata/person): KSeF lets a
 * person manage certificates and tokens made "on their identifier or the linked one" (spec, revoke/tokens).
 */
export function relatedIdentities(store: SandboxStore, identity: SubjectIdentity): SubjectIdentity[] {
  const related: SubjectIdentity[] = [identity];
  const links = Object.values(persons(store));
  if (identity.type === 'Pesel') {
    const nip = persons(store)[identity.value]?.nip;
    if (nip) related.push({ type: 'Nip', value: nip });
  } else if (identity.type === 'Nip') {
    for (const link of links) if (link.nip === identity.value) related.push({ type: 'Pesel', value: link.pesel });
  }
  return related;
}

export function isRelated(store: SandboxStore, caller: SubjectIdentity, other: SubjectIdentity): boolean {
  return relatedIdentities(store, caller).some((identity) => sameIdentity(identity, other));
}

/** Every access token the sandbox issues carries an identity; a missing one means a token we cannot attribute. */
export function callerIdentity(access: AccessContext): SubjectIdentity {
  if (!access.identity) throw forbidden('insufficient-resource-access', 'Nie można ustalić tożsamości podmiotu uwierzytelnionego.');
  return access.identity;
}
