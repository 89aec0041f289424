import type { AccessContext } from '../auth/request-auth';
import { callerIdentity, isRelated } from '../permissions/identities';
import { formatKsefDateTime } from '../server/clock';
import { ksefTokens } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { ContextIdentifier, KsefTokenRecord } from '../state/types';

function sameContext(a: ContextIdentifier, b: ContextIdentifier): boolean {
  return a.type === b.type && a.value === b.value;
}

/**
 * Spec (GET/DELETE /tokens): with the elevated permission a caller reaches every token of the context;
 * otherwise a token login reaches only the token used, and other logins the tokens they (or their
 * NIP–PESEL link) authored. Listing is elevated by CredentialsManage or CredentialsRead, revoking by CredentialsManage only.
 */
export function tokensInScope(store: SandboxStore, access: AccessContext, elevatedBy: readonly string[]): KsefTokenRecord[] {
  const inContext = Object.values(ksefTokens(store)).filter((t) => sameContext(t.context, access.context));
  if (elevatedBy.some((p) => access.permissions.includes(p))) return inContext;
  if (access.ksefTokenReference) return inContext.filter((t) => t.referenceNumber === access.ksefTokenReference);
  const caller = callerIdentity(access);
  return inContext.filter((t) => isRelated(store, caller, t.author));
}

/** QueryTokensResponseItem / TokenStatusResponse. */
export function describeToken(token: KsefTokenRecord): Record<string, unknown> {
  return {
    referenceNumber: token.referenceNumber,
    authorIdentifier: { type: token.author.type, value: token.author.value },
    contextIdentifier: { type: token.context.type, value: token.context.value },
    description: token.description,
    requestedPermissions: token.permissions,
    dateCreated: formatKsefDateTime(new Date(token.dateCreated)),
    ...(token.lastUseDate ? { lastUseDate: formatKsefDateTime(new Date(token.lastUseDate)) } : {}),
    status: token.status,
    ...(token.statusDetails?.length ? { statusDetails: token.statusDetails } : {}),
  };
}
