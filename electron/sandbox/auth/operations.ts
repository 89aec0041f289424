import { newReferenceNumber } from '../ids/reference-number';
import { formatKsefDateTime } from '../server/clock';
import { authOperations } from '../state/core-slices';
import type { AllowedIps, AuthOperationRecord, ContextIdentifier, StatusInfo, SubjectIdentity } from '../state/types';
import type { SandboxDeps } from '../deps';
import type { AuthMethodDescription } from './auth-method';
import { AUTH_TOKEN_LIFETIME_MS } from './jwt';

export interface AuthOutcome {
  method: AuthMethodDescription;
  context: ContextIdentifier;
  identity?: SubjectIdentity;
  status: StatusInfo;
  permissions: string[];
  allowedIps?: AllowedIps;
  clientIp: string;
  ksefTokenReference?: string;
  certificateSerial?: string;
  signerCertificateDer?: Buffer;
  authDocumentHash?: string;
}

/** The 202 body of /auth/xades-signature and /auth/ksef-token. */
export interface AuthenticationInitResponse {
  referenceNumber: string;
  authenticationToken: { token: string; validUntil: string };
}

/**
 * Records an authentication operation with its final status already decided (the sandbox checks
 * everything locally, so there is no 100 phase) and issues the operation token to poll it with.
 */
export async function startAuthOperation(deps: SandboxDeps, outcome: AuthOutcome): Promise<AuthenticationInitResponse> {
  const now = deps.clock.now();
  const referenceNumber = newReferenceNumber('AU', now);
  const record: AuthOperationRecord = {
    referenceNumber,
    startDate: now.toISOString(),
    method: outcome.method.method,
    methodInfo: { ...outcome.method.info },
    status: outcome.status,
    context: outcome.context,
    ...(outcome.identity ? { identity: outcome.identity } : {}),
    permissions: outcome.permissions,
    ...(outcome.allowedIps ? { allowedIps: outcome.allowedIps } : {}),
    clientIp: outcome.clientIp,
    ...(outcome.ksefTokenReference ? { ksefTokenReference: outcome.ksefTokenReference } : {}),
    ...(outcome.certificateSerial ? { certificateSerial: outcome.certificateSerial } : {}),
    ...(outcome.signerCertificateDer ? { signerCertificateDer: outcome.signerCertificateDer } : {}),
    ...(outcome.authDocumentHash ? { authDocumentHash: outcome.authDocumentHash } : {}),
    tokenRedeemed: false,
    revoked: false,
  };
  authOperations(deps.store)[referenceNumber] = record;
  deps.store.changed();
  const token = await deps.jwt.sign({ 'token-type': 'OperationToken', 'operation-reference-number': referenceNumber }, AUTH_TOKEN_LIFETIME_MS);
  return { referenceNumber, authenticationToken: { token: token.token, validUntil: formatKsefDateTime(token.validUntil) } };
}

/** The status/list item view of an operation shared by GET /auth/{ref} and GET /auth/sessions. */
export function describeOperation(record: AuthOperationRecord): Record<string, unknown> {
  return {
    startDate: formatKsefDateTime(new Date(record.startDate)),
    authenticationMethod: record.method,
    authenticationMethodInfo: record.methodInfo,
    status: record.status,
    isTokenRedeemed: record.tokenRedeemed,
    ...(record.lastTokenRefreshDate ? { lastTokenRefreshDate: formatKsefDateTime(new Date(record.lastTokenRefreshDate)) } : {}),
    ...(record.refreshTokenValidUntil ? { refreshTokenValidUntil: formatKsefDateTime(new Date(record.refreshTokenValidUntil)) } : {}),
  };
}
