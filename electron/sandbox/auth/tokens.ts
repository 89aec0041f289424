import { formatKsefDateTime } from '../server/clock';
import type { AuthOperationRecord } from '../state/types';
import type { SandboxDeps } from '../deps';
import { ACCESS_TOKEN_LIFETIME_MS, REFRESH_TOKEN_LIFETIME_MS } from './jwt';

export interface TokenInfo {
  token: string;
  validUntil: string;
}

/** An access token for the operation's context, carrying `permissions` and the IP policy. */
export async function issueAccessToken(deps: SandboxDeps, record: AuthOperationRecord, permissions: string[]): Promise<TokenInfo> {
  const identity = record.identity;
  const signed = await deps.jwt.sign(
    {
      'token-type': 'ContextToken',
      'operation-reference-number': record.referenceNumber,
      'context-identifier-type': record.context.type,
      'context-identifier-value': record.context.value,
      'authentication-method': record.method,
      'subject-details': JSON.stringify(identity ? { SubjectIdentifier: { Type: identity.type, Value: identity.value } } : {}),
      permissions,
      ...(record.allowedIps ? { 'ip-policy': JSON.stringify(record.allowedIps) } : {}),
    },
    ACCESS_TOKEN_LIFETIME_MS,
  );
  return { token: signed.token, validUntil: formatKsefDateTime(signed.validUntil) };
}

/** The single refresh token of an operation; its id is remembered so revocation can kill it. */
export async function issueRefreshToken(deps: SandboxDeps, record: AuthOperationRecord): Promise<TokenInfo> {
  const signed = await deps.jwt.sign(
    { 'token-type': 'RefreshToken', 'operation-reference-number': record.referenceNumber },
    REFRESH_TOKEN_LIFETIME_MS,
  );
  record.refreshTokenId = signed.jti;
  record.refreshTokenValidUntil = signed.validUntil.toISOString();
  deps.store.changed();
  return { token: signed.token, validUntil: formatKsefDateTime(signed.validUntil) };
}
