import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseJsonBody } from '../server/body';
import { badRequest } from '../server/errors';
import type { Router } from '../server/router';
import { contextKey, permissionGrants, persons } from '../state/core-slices';
import type { SandboxDeps } from '../deps';
import { NIP_PATTERN, PESEL_PATTERN } from './schemas';

const personSchema = z.object({
  nip: z.string().regex(NIP_PATTERN),
  pesel: z.string().regex(PESEL_PATTERN),
  isBailiff: z.boolean(),
  isDeceased: z.boolean().optional(),
  description: z.string().min(1),
  createdDate: z.string().nullish(),
});

const permissionsSchema = z.object({
  contextIdentifier: z.object({ type: z.literal('Nip'), value: z.string().regex(NIP_PATTERN) }),
  authorizedIdentifier: z.object({ type: z.enum(['Nip', 'Pesel', 'Fingerprint']), value: z.string().min(10).max(64) }),
  permissions: z.array(
    z.object({
      permissionType: z.enum(['InvoiceRead', 'InvoiceWrite', 'Introspection', 'CredentialsRead', 'CredentialsManage', 'EnforcementOperations', 'SubunitManage']),
      description: z.string(),
    }),
  ),
});

/** TEST-environment helpers without authentication: NIP–PESEL links and direct permission grants. */
export function registerTestdataAuthRoutes(router: Router, deps: SandboxDeps): void {
  router.post('/testdata/person', (ctx) => {
    const request = parseJsonBody(ctx, personSchema);
    const all = persons(deps.store);
    if (all[request.pesel]) throw badRequest(30001, `Osoba ${request.pesel} już istnieje.`);
    all[request.pesel] = {
      nip: request.nip,
      pesel: request.pesel,
      isBailiff: request.isBailiff,
      isDeceased: request.isDeceased ?? false,
      description: request.description,
      createdDate: request.createdDate ?? deps.clock.now().toISOString(),
    };
    deps.store.changed();
    return { status: 200 };
  });

  router.post('/testdata/person/remove', (ctx) => {
    const request = parseJsonBody(ctx, z.object({ nip: z.string().regex(NIP_PATTERN) }));
    const all = persons(deps.store);
    for (const [pesel, person] of Object.entries(all)) if (person.nip === request.nip) delete all[pesel];
    deps.store.changed();
    return { status: 200 };
  });

  router.post('/testdata/permissions', (ctx) => {
    const request = parseJsonBody(ctx, permissionsSchema);
    const key = contextKey(request.contextIdentifier);
    const grants = (permissionGrants(deps.store)[key] ??= []);
    const grantee = request.authorizedIdentifier;
    const now = deps.clock.now().toISOString();
    for (const permission of request.permissions) {
      const exists = grants.some((g) => g.grantee.type === grantee.type && g.grantee.value === grantee.value && g.permission === permission.permissionType);
      if (exists) continue;
      grants.push({
        id: randomUUID(),
        context: request.contextIdentifier,
        grantee,
        permission: permission.permissionType,
        description: permission.description,
        grantedAt: now,
        source: 'testdata',
      });
    }
    deps.store.changed();
    return { status: 200 };
  });

  router.post('/testdata/permissions/revoke', (ctx) => {
    const request = parseJsonBody(ctx, permissionsSchema.pick({ contextIdentifier: true, authorizedIdentifier: true }));
    const all = permissionGrants(deps.store);
    const key = contextKey(request.contextIdentifier);
    const grantee = request.authorizedIdentifier;
    all[key] = (all[key] ?? []).filter((g) => !(g.grantee.type === grantee.type && g.grantee.value === grantee.value && g.source === 'testdata'));
    deps.store.changed();
    return { status: 200 };
  });
}
