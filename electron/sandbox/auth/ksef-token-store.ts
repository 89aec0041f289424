import { randomBytes } from 'node:crypto';
import { newReferenceNumber } from '../ids/reference-number';
import { ksefTokens } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { ContextIdentifier, KsefTokenRecord, KsefTokenStatus, SubjectIdentity, TokenPermission } from '../state/types';

export interface NewKsefToken {
  context: ContextIdentifier;
  author: SubjectIdentity;
  permissions: TokenPermission[];
  description: string;
  status?: KsefTokenStatus;
}

/**
 * Creates a KSeF token in the shape of the spec example
 * `20251010-EC-1DCE3E3000-12ECB5B36E-45|internalId-5265877635-12345|<64 hex>`.
 */
export function createKsefToken(store: SandboxStore, request: NewKsefToken, now: Date): KsefTokenRecord {
  const referenceNumber = newReferenceNumber('EC', now);
  const contextPart = `${request.context.type.charAt(0).toLowerCase()}${request.context.type.slice(1)}-${request.context.value}`;
  const record: KsefTokenRecord = {
    referenceNumber,
    token: `${referenceNumber}|${contextPart}|${randomBytes(32).toString('hex')}`,
    context: request.context,
    author: request.author,
    permissions: request.permissions,
    description: request.description,
    status: request.status ?? 'Active',
    dateCreated: now.toISOString(),
  };
  ksefTokens(store)[referenceNumber] = record;
  store.changed();
  return record;
}

export function findKsefTokenBySecret(store: SandboxStore, token: string): KsefTokenRecord | undefined {
  const reference = token.split('|')[0] ?? '';
  const record = ksefTokens(store)[reference];
  return record && record.token === token ? record : undefined;
}
