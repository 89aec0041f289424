import { badRequest, unauthorized } from '../server/errors';
import { json, noContent, type Router } from '../server/router';
import { authOperations } from '../state/core-slices';
import type { AuthOperationRecord } from '../state/types';
import type { SandboxDeps } from '../deps';
import { AUTH_STATUS } from './auth-method';
import { describeOperation } from './operations';
import { operationOf, requireAccess, requireBearer } from './request-auth';
import { decodeContinuationToken, encodeContinuationToken, parsePageSize } from '../server/paging';

function isActiveSession(record: AuthOperationRecord, now: Date): boolean {
  return (
    record.tokenRedeemed &&
    !record.revoked &&
    record.status.code === 200 &&
    !!record.refreshTokenValidUntil &&
    new Date(record.refreshTokenValidUntil) > now
  );
}

/** Revoking kills the refresh token; access tokens already issued stay valid until exp (spec). */
function revoke(deps: SandboxDeps, record: AuthOperationRecord): void {
  record.revoked = true;
  record.status = AUTH_STATUS.revoked();
  deps.store.changed();
}

/** GET /auth/sessions, DELETE /auth/sessions/current, DELETE /auth/sessions/{ref}. */
export function registerAuthSessionRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/auth/sessions', async (ctx) => {
    const access = await requireAccess(ctx, deps);
    const pageSize = parsePageSize(ctx.query.get('pageSize'), { min: 10, max: 100, fallback: 10 });
    const offset = decodeContinuationToken(ctx.header('x-continuation-token'));
    const now = deps.clock.now();
    const sessions = Object.values(authOperations(deps.store))
      .filter((r) => r.context.type === access.context.type && r.context.value === access.context.value && isActiveSession(r, now))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.referenceNumber.localeCompare(b.referenceNumber));
    const page = sessions.slice(offset, offset + pageSize);
    const next = offset + pageSize < sessions.length ? encodeContinuationToken(offset + pageSize) : null;
    return json(200, {
      continuationToken: next,
      items: page.map((r) => ({
        ...describeOperation(r),
        referenceNumber: r.referenceNumber,
        isCurrent: r.referenceNumber === access.authReferenceNumber,
      })),
    });
  });

  router.delete('/auth/sessions/current', async (ctx) => {
    const token = await requireBearer(ctx, deps, ['ContextToken', 'RefreshToken']);
    revoke(deps, operationOf(deps, token));
    return noContent();
  });

  router.delete('/auth/sessions/{referenceNumber}', async (ctx) => {
    const access = await requireAccess(ctx, deps);
    const record = authOperations(deps.store)[ctx.params.referenceNumber ?? ''];
    if (!record || record.context.type !== access.context.type || record.context.value !== access.context.value) {
      throw badRequest(21405, `Sesja uwierzytelnienia ${ctx.params.referenceNumber ?? ''} nie została znaleziona.`);
    }
    if (!record.tokenRedeemed) throw unauthorized('Sesja uwierzytelnienia nie jest aktywna.');
    revoke(deps, record);
    return noContent();
  });
}
