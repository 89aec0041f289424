import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../auth/request-auth';
import { withAccess } from '../auth/request-auth';
import type { SandboxDeps } from '../deps';
import { parseJsonBody } from '../server/body';
import { badRequest } from '../server/errors';
import { json, type Router } from '../server/router';
import { contextKey, permissionGrants } from '../state/core-slices';
import { entityGrantSchema, indirectGrantSchema, personDetailsView, personGrantSchema } from './grant-schemas';
import { permissionOperations, permissionRecords, sameContext, type PermissionRecord } from './grant-store';
import { callerIdentity } from './identities';
import { startPermissionOperation } from './operations';

type NewRecord = Omit<PermissionRecord, 'id' | 'context' | 'author' | 'startDate' | 'state'>;

/** Stores the requested permissions as Pending records (one id each) and starts their operation. */
function grant(deps: SandboxDeps, access: AccessContext, requested: NewRecord[]): { referenceNumber: string } {
  const records = permissionRecords(deps.store);
  const author = callerIdentity(access);
  const startDate = deps.clock.now().toISOString();
  const ids = requested.map((r) => {
    const id = randomUUID();
    records[id] = { ...r, id, context: access.context, author, startDate, state: 'Pending' };
    return id;
  });
  deps.store.changed();
  return { referenceNumber: startPermissionOperation(deps, access.context, { kind: 'grant', permissionIds: ids }) };
}

const GRANTERS = ['CredentialsManage'];
const REVOKERS = ['CredentialsManage', 'VatUeManage', 'SubunitManage'];

/** Person, entity and indirect grants, revoking by id, and operation status. */
export function registerGrantRoutes(router: Router, deps: SandboxDeps): void {
  router.post(
    '/permissions/persons/grants',
    withAccess(deps, GRANTERS, (ctx, access) => {
      const request = parseJsonBody(ctx, personGrantSchema);
      const personDetails = personDetailsView(request.subjectDetails);
      const requested = [...new Set(request.permissions)].map<NewRecord>((permission) => ({
        kind: 'person',
        grantee: request.subjectIdentifier,
        permission,
        canDelegate: false,
        description: request.description,
        personDetails,
      }));
      return json(202, grant(deps, access, requested));
    }),
  );

  router.post(
    '/permissions/entities/grants',
    withAccess(deps, GRANTERS, (ctx, access) => {
      const request = parseJsonBody(ctx, entityGrantSchema);
      const requested = request.permissions.map<NewRecord>((p) => ({
        kind: 'entity',
        grantee: request.subjectIdentifier,
        permission: p.type,
        canDelegate: p.canDelegate ?? false,
        description: request.description,
        entityDetails: { subjectDetailsType: 'EntityByIdentifier', fullName: request.subjectDetails.fullName },
      }));
      return json(202, grant(deps, access, requested));
    }),
  );

  router.post(
    '/permissions/indirect/grants',
    withAccess(deps, GRANTERS, (ctx, access) => {
      const request = parseJsonBody(ctx, indirectGrantSchema);
      // No target means every client (general grant), like an explicit AllPartners.
      const target: PermissionRecord['target'] =
        !request.targetIdentifier || request.targetIdentifier.type === 'AllPartners'
          ? { type: 'AllPartners' }
          : { type: request.targetIdentifier.type, value: request.targetIdentifier.value ?? '' };
      const personDetails = personDetailsView(request.subjectDetails);
      const requested = [...new Set(request.permissions)].map<NewRecord>((permission) => ({
        kind: 'indirect',
        grantee: request.subjectIdentifier,
        permission,
        canDelegate: false,
        target,
        description: request.description,
        personDetails,
      }));
      return json(202, grant(deps, access, requested));
    }),
  );

  router.delete(
    '/permissions/common/grants/{permissionId}',
    withAccess(deps, REVOKERS, (ctx, access) => {
      const permissionId = ctx.params.permissionId ?? '';
      if (permissionId.length !== 36) throw badRequest(21405, 'permissionId: wymagane 36 znaków.');
      const record = permissionRecords(deps.store)[permissionId];
      const ownRecord = record && record.state === 'Active' && sameContext(record.context, access.context);
      const testdataGrant = (permissionGrants(deps.store)[contextKey(access.context)] ?? []).some((g) => g.source === 'testdata' && g.id === permissionId);
      if (!ownRecord && !testdataGrant) throw badRequest(21405, `Uprawnienie ${permissionId} nie istnieje w bieżącym kontekście.`);
      return json(202, { referenceNumber: startPermissionOperation(deps, access.context, { kind: 'revoke', permissionId }) });
    }),
  );

  router.get(
    '/permissions/operations/{referenceNumber}',
    withAccess(deps, [], (ctx, access) => {
      const referenceNumber = ctx.params.referenceNumber ?? '';
      if (referenceNumber.length !== 36) throw badRequest(21405, 'referenceNumber: wymagane 36 znaków.');
      const operation = permissionOperations(deps.store)[referenceNumber];
      if (!operation || !sameContext(operation.context, access.context)) throw badRequest(21405, `Operacja ${referenceNumber} nie istnieje.`);
      return json(200, { status: operation.status });
    }),
  );
}
