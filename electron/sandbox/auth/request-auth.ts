import { forbidden, unauthorized } from '../server/errors';
import type { HandlerResponse, RequestContext } from '../server/router';
import { authOperations } from '../state/core-slices';
import type { AllowedIps, AuthenticationMethod, AuthOperationRecord, ContextIdentifier, SubjectIdentity } from '../state/types';
import type { SandboxDeps } from '../deps';
import { isIpAllowed } from './ip-policy';
import type { TokenType, VerifiedToken } from './jwt';

/** Who is calling, as proven by a valid access token. */
export interface AccessContext {
  context: ContextIdentifier;
  identity: SubjectIdentity | undefined;
  permissions: string[];
  authMethod: AuthenticationMethod;
  /** The authentication operation (auth session) the token came from. */
  authReferenceNumber: string;
  /** The sandbox-issued certificate serial used to log in, if any (certificate module uses it). */
  certificateSerial?: string;
  ksefTokenReference?: string;
}

export function bearerToken(ctx: RequestContext): string | undefined {
  const header = ctx.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Verifies a bearer token of one of the given types; 401 when missing, forged, expired or of another type. */
export async function requireBearer(ctx: RequestContext, deps: SandboxDeps, types: TokenType[]): Promise<VerifiedToken> {
  const token = bearerToken(ctx);
  if (!token) throw unauthorized();
  for (const type of types) {
    const verified = await deps.jwt.verify(token, type);
    if (verified) return verified;
  }
  throw unauthorized('Token jest nieprawidłowy lub wygasł.');
}

/** The operation a token belongs to; 401 when the operation is gone. */
export function operationOf(deps: SandboxDeps, token: VerifiedToken): AuthOperationRecord {
  const record = authOperations(deps.store)[token['operation-reference-number']];
  if (!record) throw unauthorized('Token jest nieprawidłowy lub wygasł.');
  return record;
}

/**
 * Access-token check for protected endpoints: signature, expiry, type, then the IP policy
 * given at authentication (403 ip-not-allowed). Access tokens outlive revocation until exp (spec).
 */
export async function requireAccess(ctx: RequestContext, deps: SandboxDeps): Promise<AccessContext> {
  const token = await requireBearer(ctx, deps, ['ContextToken']);
  const record = operationOf(deps, token);
  const policy = token['ip-policy'] ? (JSON.parse(token['ip-policy']) as AllowedIps) : undefined;
  if (!isIpAllowed(ctx.clientIp, policy)) {
    throw forbidden('ip-not-allowed', 'Adres IP klienta nie jest dozwolony dla tego tokena.', { clientIp: ctx.clientIp });
  }
  return {
    context: record.context,
    identity: record.identity,
    permissions: token.permissions ?? [],
    authMethod: record.method,
    authReferenceNumber: record.referenceNumber,
    ...(record.certificateSerial ? { certificateSerial: record.certificateSerial } : {}),
    ...(record.ksefTokenReference ? { ksefTokenReference: record.ksefTokenReference } : {}),
  };
}

/** 403 missing-permissions unless the caller holds at least one of `anyOf`. */
export function requirePermission(access: AccessContext, anyOf: readonly string[]): void {
  if (anyOf.length === 0 || anyOf.some((p) => access.permissions.includes(p))) return;
  throw forbidden('missing-permissions', 'Brak wymaganych uprawnień do wykonania operacji w bieżącym kontekście.', {
    requiredAnyOfPermissions: [...anyOf],
    presentPermissions: [...access.permissions],
  });
}

export type AccessHandler = (ctx: RequestContext, access: AccessContext) => Promise<HandlerResponse> | HandlerResponse;

/** Wraps a handler so it runs only for a valid access token holding one of `anyOf` (empty = any permission). */
export function withAccess(deps: SandboxDeps, anyOf: readonly string[], handler: AccessHandler) {
  return async (ctx: RequestContext): Promise<HandlerResponse> => {
    const access = await requireAccess(ctx, deps);
    requirePermission(access, anyOf);
    return handler(ctx, access);
  };
}
