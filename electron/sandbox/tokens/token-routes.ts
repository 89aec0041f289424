import { z } from 'zod';
import { createKsefToken } from '../auth/ksef-token-store';
import { withAccess } from '../auth/request-auth';
import type { SandboxDeps } from '../deps';
import { credentialError } from '../permissions/api-errors';
import { callerIdentity } from '../permissions/identities';
import { runSoon } from '../permissions/run-soon';
import { parseJsonBody } from '../server/body';
import { badRequest } from '../server/errors';
import { decodeContinuationToken, encodeContinuationToken, parsePageSize } from '../server/paging';
import { json, noContent, type RequestContext, type Router } from '../server/router';
import { ksefTokens } from '../state/core-slices';
import type { KsefTokenRecord, KsefTokenStatus, TokenPermission } from '../state/types';
import { describeToken, tokensInScope } from './token-scope';

const TOKEN_PERMISSIONS = ['InvoiceRead', 'InvoiceWrite', 'CredentialsRead', 'CredentialsManage', 'SubunitManage', 'EnforcementOperations', 'Introspection'] as const;
const TOKEN_CONTEXT_TYPES = ['Nip', 'InternalId'];

const generateSchema = z.object({
  permissions: z.array(z.enum(TOKEN_PERMISSIONS)),
  description: z.string().min(5).max(256),
});

const listQuerySchema = z.object({
  status: z.array(z.enum(['Pending', 'Active', 'Revoking', 'Revoked', 'Failed'])),
  description: z.string().min(3).optional(),
  authorIdentifier: z.string().min(3).optional(),
  authorIdentifierType: z.enum(['Nip', 'Pesel', 'Fingerprint']).optional(),
});

function listQuery(ctx: RequestContext): z.infer<typeof listQuerySchema> {
  const optional = (name: string) => ctx.query.get(name) ?? undefined;
  const parsed = listQuerySchema.safeParse({
    status: ctx.queryAll('status'),
    description: optional('description'),
    authorIdentifier: optional('authorIdentifier'),
    authorIdentifierType: optional('authorIdentifierType'),
  });
  if (!parsed.success) throw badRequest(21405, ...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

function matches(token: KsefTokenRecord, query: z.infer<typeof listQuerySchema>): boolean {
  if (query.status.length > 0 && !query.status.includes(token.status)) return false;
  if (query.description && !token.description.toLowerCase().includes(query.description.toLowerCase())) return false;
  if (query.authorIdentifier && !token.author.value.includes(query.authorIdentifier)) return false;
  if (query.authorIdentifierType && token.author.type !== query.authorIdentifierType) return false;
  return true;
}

function referenceParam(ctx: RequestContext): string {
  const referenceNumber = ctx.params.referenceNumber ?? '';
  if (referenceNumber.length !== 36) throw badRequest(21405, 'referenceNumber: wymagane 36 znaków.');
  return referenceNumber;
}

function notFound(referenceNumber: string): Error {
  return badRequest(21405, `Token o numerze referencyjnym ${referenceNumber} nie istnieje.`);
}

function setStatusSoon(deps: SandboxDeps, token: KsefTokenRecord, from: KsefTokenStatus, to: KsefTokenStatus): void {
  runSoon(deps, `token ${token.referenceNumber} ${from}→${to}`, () => {
    if (token.status !== from) return;
    token.status = to;
    deps.store.changed();
  });
}

/** POST /tokens, GET /tokens, GET /tokens/{ref}, DELETE /tokens/{ref}. */
export function registerTokenRoutes(router: Router, deps: SandboxDeps): void {
  router.post(
    '/tokens',
    withAccess(deps, [], (ctx, access) => {
      if (!TOKEN_CONTEXT_TYPES.includes(access.context.type)) {
        throw credentialError(26002, `Bieżący typ kontekstu: ${access.context.type}; dozwolone: ${TOKEN_CONTEXT_TYPES.join(', ')}.`);
      }
      const request = parseJsonBody(ctx, generateSchema);
      const permissions: TokenPermission[] = [...new Set(request.permissions)];
      const missing = permissions.filter((p) => !access.permissions.includes(p));
      if (missing.length > 0) throw credentialError(26001, `Brakujące uprawnienia: ${missing.join(', ')}.`);
      const token = createKsefToken(
        deps.store,
        { context: access.context, author: callerIdentity(access), permissions, description: request.description, status: 'Pending' },
        deps.clock.now(),
      );
      // KSeF activates tokens asynchronously; until then a login with it ends with 450.
      setStatusSoon(deps, token, 'Pending', 'Active');
      return json(202, { referenceNumber: token.referenceNumber, token: token.token });
    }),
  );

  router.get(
    '/tokens',
    withAccess(deps, [], (ctx, access) => {
      const query = listQuery(ctx);
      const pageSize = parsePageSize(ctx.query.get('pageSize'), { min: 10, max: 100, fallback: 10 });
      const offset = decodeContinuationToken(ctx.header('x-continuation-token'));
      const rows = tokensInScope(deps.store, access, ['CredentialsManage', 'CredentialsRead'])
        .filter((t) => matches(t, query))
        .sort((a, b) => b.dateCreated.localeCompare(a.dateCreated) || b.referenceNumber.localeCompare(a.referenceNumber));
      const page = rows.slice(offset, offset + pageSize);
      const hasMore = rows.length > offset + pageSize;
      return json(200, { ...(hasMore ? { continuationToken: encodeContinuationToken(offset + pageSize) } : {}), tokens: page.map(describeToken) });
    }),
  );

  router.get(
    '/tokens/{referenceNumber}',
    withAccess(deps, [], (ctx, access) => {
      const referenceNumber = referenceParam(ctx);
      const token = tokensInScope(deps.store, access, ['CredentialsManage', 'CredentialsRead']).find((t) => t.referenceNumber === referenceNumber);
      if (!token) throw notFound(referenceNumber);
      return json(200, describeToken(token));
    }),
  );

  router.delete(
    '/tokens/{referenceNumber}',
    withAccess(deps, [], (ctx, access) => {
      const referenceNumber = referenceParam(ctx);
      const token = tokensInScope(deps.store, access, ['CredentialsManage']).find((t) => t.referenceNumber === referenceNumber);
      if (!token) throw notFound(referenceNumber);
      if (token.status === 'Revoked' || token.status === 'Revoking') return noContent();
      // Revoking already refuses logins (auth treats it like Revoked); it settles to Revoked right after.
      token.status = 'Revoking';
      deps.store.changed();
      setStatusSoon(deps, token, 'Revoking', 'Revoked');
      return noContent();
    }),
  );
}

/** Tokens left mid-transition by a restart settle at once. */
export function settleTokenTransitions(deps: SandboxDeps): void {
  for (const token of Object.values(ksefTokens(deps.store))) {
    if (token.status === 'Pending') token.status = 'Active';
    else if (token.status === 'Revoking') token.status = 'Revoked';
  }
  deps.store.changed();
}

