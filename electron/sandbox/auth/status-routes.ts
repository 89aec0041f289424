import { badRequest, gone } from '../server/errors';
import { json, type Router } from '../server/router';
import { ksefTokens, persons } from '../state/core-slices';
import type { AuthOperationRecord } from '../state/types';
import type { SandboxDeps } from '../deps';
import { entitlementFor } from './entitlement';
import { describeOperation } from './operations';
import { operationOf, requireBearer } from './request-auth';
import { issueAccessToken, issueRefreshToken } from './tokens';

const STATUS_RETENTION_MS = 7 * 24 * 3600_000;

function ksefTokenRevoked(deps: SandboxDeps, record: AuthOperationRecord): boolean {
  if (!record.ksefTokenReference) return false;
  const token = ksefTokens(deps.store)[record.ksefTokenReference];
  return !token || token.status !== 'Active';
}

function deceased(deps: SandboxDeps, record: AuthOperationRecord): boolean {
  return record.identity?.type === 'Pesel' && persons(deps.store)[record.identity.value]?.isDeceased === true;
}

/** Current permissions: the token's for KSeF-token logins, else owner/grants as they are now. */
function currentPermissions(deps: SandboxDeps, record: AuthOperationRecord): string[] {
  if (record.ksefTokenReference) return [...(ksefTokens(deps.store)[record.ksefTokenReference]?.permissions ?? [])];
  return record.identity ? entitlementFor(deps.store, record.context, record.identity).permissions : [];
}

/** GET /auth/{ref}, POST /auth/token/redeem, POST /auth/token/refresh. */
export function registerAuthStatusRoutes(router: Router, deps: SandboxDeps): void {
  router.get('/auth/{referenceNumber}', async (ctx) => {
    const token = await requireBearer(ctx, deps, ['OperationToken']);
    const reference = ctx.params.referenceNumber ?? '';
    const notFound = badRequest(21304, `Operacja uwierzytelniania o numerze referencyjnym ${reference} nie została znaleziona.`);
    if (token['operation-reference-number'] !== reference) throw notFound;
    const record = operationOf(deps, token);
    if (deps.clock.now().getTime() - new Date(record.startDate).getTime() > STATUS_RETENTION_MS) {
      throw gone(`Status operacji ${reference} nie jest już dostępny.`);
    }
    return json(200, describeOperation(record));
  });

  router.post('/auth/token/redeem', async (ctx) => {
    const token = await requireBearer(ctx, deps, ['OperationToken']);
    const record = operationOf(deps, token);
    if (record.tokenRedeemed) {
      throw badRequest(21301, `Tokeny dla operacji uwierzytelniania ${record.referenceNumber} zostały już pobrane.`);
    }
    if (record.status.code !== 200) throw badRequest(21301, `Status uwierzytelniania (${record.status.code}) nie pozwala na pobranie tokenów.`);
    if (ksefTokenRevoked(deps, record)) throw badRequest(21301, 'Token KSeF został unieważniony.');
    if (deceased(deps, record)) throw badRequest(21308);
    record.tokenRedeemed = true;
    const accessToken = await issueAccessToken(deps, record, record.permissions);
    const refreshToken = await issueRefreshToken(deps, record);
    deps.store.changed();
    return json(200, { accessToken, refreshToken });
  });

  router.post('/auth/token/refresh', async (ctx) => {
    const token = await requireBearer(ctx, deps, ['RefreshToken']);
    const record = operationOf(deps, token);
    if (record.revoked || record.status.code !== 200 || record.refreshTokenId !== token.jti) {
      throw badRequest(21301, `Status uwierzytelniania (${record.status.code}) nie pozwala na odświeżenie tokenu dostępowego.`);
    }
    if (ksefTokenRevoked(deps, record)) throw badRequest(21301, 'Token KSeF został unieważniony.');
    if (deceased(deps, record)) throw badRequest(21308);
    record.permissions = currentPermissions(deps, record);
    record.lastTokenRefreshDate = deps.clock.now().toISOString();
    deps.store.changed();
    return json(200, { accessToken: await issueAccessToken(deps, record, record.permissions) });
  });
}
