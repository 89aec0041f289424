import { z } from 'zod';
import type { AccessContext } from '../auth/request-auth';
import { withAccess } from '../auth/request-auth';
import type { SandboxDeps } from '../deps';
import { parseJsonBody } from '../server/body';
import { formatKsefDateTime } from '../server/clock';
import { parsePageSize } from '../server/paging';
import { json, type RequestContext, type Router } from '../server/router';
import { contextKey, permissionGrants } from '../state/core-slices';
import type { PermissionGrant, SubjectIdentity } from '../state/types';
import { attachmentConsents, permissionRecords, sameContext, type PermissionRecord } from './grant-store';
import { callerIdentity, isRelated, sameIdentity } from './identities';
import { offsetPage, pageOffsetOf } from './paging';

const identifier = z.object({ type: z.string(), value: z.string().nullish() });
const filterSchema = z.object({
  authorIdentifier: identifier.nullish(),
  authorizedIdentifier: identifier.nullish(),
  contextIdentifier: identifier.nullish(),
  targetIdentifier: identifier.nullish(),
  permissionTypes: z.array(z.string()).nullish(),
  permissionState: z.enum(['Active', 'Inactive']).nullish(),
  queryType: z.enum(['PermissionsInCurrentContext', 'PermissionsGrantedInCurrentContext']).nullish(),
});
type Filter = z.infer<typeof filterSchema>;
const personsFilterSchema = filterSchema.refine((f) => !!f.queryType, { message: 'queryType is required', path: ['queryType'] });

/** One row of any permission query, before it is shaped for a particular response. */
interface Row {
  record: PermissionRecord;
  /** Grants from /testdata/permissions (ZAW-FA) have no human author. */
  author: SubjectIdentity | undefined;
}

function testdataRow(grant: PermissionGrant): Row {
  const record: PermissionRecord = {
    id: grant.id,
    kind: 'person',
    context: grant.context,
    grantee: grant.grantee,
    permission: grant.permission,
    canDelegate: false,
    author: { type: 'Nip', value: grant.context.value },
    description: grant.description.length >= 5 ? grant.description : 'Uprawnienie nadane w środowisku testowym',
    startDate: grant.grantedAt,
    state: 'Active',
  };
  return { record, author: undefined };
}

function matchesIdentifier(filter: { type: string; value?: string | null | undefined } | null | undefined, actual: { type: string; value?: string } | undefined): boolean {
  if (!filter) return true;
  if (!actual || actual.type !== filter.type) return false;
  return !filter.value || actual.value === filter.value;
}

function applyFilter(rows: Row[], filter: Filter): Row[] {
  if (filter.permissionState === 'Inactive') return [];
  return rows.filter(
    ({ record, author }) =>
      (!filter.permissionTypes?.length || filter.permissionTypes.includes(record.permission)) &&
      matchesIdentifier(filter.authorizedIdentifier, record.grantee) &&
      matchesIdentifier(filter.contextIdentifier, record.context) &&
      matchesIdentifier(filter.targetIdentifier, record.target) &&
      matchesIdentifier(filter.authorIdentifier, author ?? { type: 'System' }),
  );
}

function itemOf({ record, author }: Row): Record<string, unknown> {
  const context = record.context.type === 'Nip' || record.context.type === 'InternalId' ? { contextIdentifier: record.context } : {};
  return {
    id: record.id,
    authorizedIdentifier: record.grantee,
    ...context,
    ...(record.target ? { targetIdentifier: record.target } : {}),
    authorIdentifier: author ?? { type: 'System' },
    permissionScope: record.permission,
    description: record.description,
    ...(record.personDetails ? { subjectPersonDetails: record.personDetails } : {}),
    ...(record.entityDetails ? { subjectEntityDetails: record.entityDetails } : {}),
    permissionState: 'Active',
    startDate: formatKsefDateTime(new Date(record.startDate)),
    canDelegate: record.canDelegate,
  };
}

function activeRecords(deps: SandboxDeps): PermissionRecord[] {
  return Object.values(permissionRecords(deps.store)).filter((r) => r.state === 'Active');
}

function testdataRows(deps: SandboxDeps, access: AccessContext): Row[] {
  return (permissionGrants(deps.store)[contextKey(access.context)] ?? []).filter((g) => g.source === 'testdata').map(testdataRow);
}

/** The caller's own rights in the current context: exactly what its next login here would carry. */
function personalRows(deps: SandboxDeps, access: AccessContext): Row[] {
  const caller = callerIdentity(access);
  const records = permissionRecords(deps.store);
  return (permissionGrants(deps.store)[contextKey(access.context)] ?? [])
    .filter((g) => isRelated(deps.store, caller, g.grantee))
    .map((g) => (g.source === 'api' && records[g.id] ? { record: records[g.id]!, author: records[g.id]!.author } : testdataRow(g)));
}

function personsRows(deps: SandboxDeps, access: AccessContext, queryType: Filter['queryType']): Row[] {
  const inContext = activeRecords(deps)
    .filter((r) => sameContext(r.context, access.context))
    .map((record) => ({ record, author: record.author }));
  if (queryType === 'PermissionsInCurrentContext') return [...inContext, ...testdataRows(deps, access)];
  const caller = callerIdentity(access);
  return inContext.filter((row) => row.author && isRelated(deps.store, caller, row.author));
}

function respond(ctx: RequestContext, rows: Row[], shape: (row: Row) => Record<string, unknown>) {
  const pageSize = parsePageSize(ctx.query.get('pageSize'), { min: 10, max: 100, fallback: 10 });
  const sorted = [...rows].sort((a, b) => b.record.startDate.localeCompare(a.record.startDate) || a.record.id.localeCompare(b.record.id));
  const page = offsetPage(sorted, pageOffsetOf(ctx), pageSize);
  return json(200, { permissions: page.items.map(shape), hasMore: page.hasMore });
}

function body(ctx: RequestContext, schema: typeof filterSchema | typeof personsFilterSchema): Filter {
  return ctx.body.length === 0 ? schema.parse({}) : parseJsonBody(ctx, schema);
}

/** Permission queries and the attachment-consent status. */
export function registerPermissionQueryRoutes(router: Router, deps: SandboxDeps): void {
  router.post(
    '/permissions/query/personal/grants',
    withAccess(deps, [], (ctx, access) =>
      respond(ctx, applyFilter(personalRows(deps, access), body(ctx, filterSchema)), (row) => {
        const { authorIdentifier: _author, ...item } = itemOf(row);
        return item;
      }),
    ),
  );

  router.post(
    '/permissions/query/persons/grants',
    withAccess(deps, ['CredentialsManage', 'CredentialsRead', 'SubunitManage'], (ctx, access) => {
      const filter = body(ctx, personsFilterSchema);
      return respond(ctx, applyFilter(personsRows(deps, access, filter.queryType), filter), itemOf);
    }),
  );

  router.post(
    '/permissions/query/entities/grants',
    withAccess(deps, ['CredentialsManage', 'CredentialsRead'], (ctx, access) => {
      const filter = body(ctx, filterSchema);
      // Invoice rights other entities gave to the current context's NIP.
      const received = activeRecords(deps)
        .filter((r) => r.kind === 'entity' && access.context.type === 'Nip' && sameIdentity(r.grantee, { type: 'Nip', value: access.context.value }))
        .filter((r) => matchesIdentifier(filter.contextIdentifier, r.context))
        .map((record) => ({ record, author: record.author }));
      return respond(ctx, received, ({ record }) => ({
        id: record.id,
        contextIdentifier: record.context,
        permissionScope: record.permission,
        description: record.description,
        startDate: formatKsefDateTime(new Date(record.startDate)),
        canDelegate: record.canDelegate,
      }));
    }),
  );

  router.get(
    '/permissions/attachments/status',
    withAccess(deps, ['CredentialsManage', 'CredentialsRead'], (_ctx, access) => {
      const consent = access.context.type === 'Nip' ? attachmentConsents(deps.store)[access.context.value] : undefined;
      return json(200, {
        isAttachmentAllowed: consent?.allowed ?? false,
        ...(consent?.revokedDate ? { revokedDate: formatKsefDateTime(new Date(consent.revokedDate)) } : {}),
      });
    }),
  );
}
