import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAccess } from '../../../electron/sandbox/auth/request-auth';
import type { RouteModule } from '../../../electron/sandbox/deps';
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox/index';
import { json } from '../../../electron/sandbox/server/router';
import { ksefPackDir } from '../../helpers/ksef-pack';
import { expectResponseMatchesSpec } from '../../helpers/openapi-checks';
import { call } from '../../helpers/sandbox-http';
import { loginWithKsefToken } from '../../helpers/sandbox-auth';

const pack = ksefPackDir();
if (!pack) console.warn('KSeF reference pack not found: skipping request-auth tests');

/** A protected probe route, registered the way feature modules register theirs. */
const probeRoutes: RouteModule = (router, deps) => {
  router.get(
    '/probe/needs-write',
    withAccess(deps, ['InvoiceWrite', 'EnforcementOperations'], (_ctx, access) => json(200, { context: access.context, identity: access.identity, authMethod: access.authMethod })),
  );
};

describe.skipIf(!pack)('sandbox: access-token middleware', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ limits: 'off', extraRoutes: [probeRoutes] });
  });
  afterAll(() => sandbox.close());

  it('passes the caller context to handlers when a permission matches', async () => {
    const tokens = await loginWithKsefToken(sandbox, { type: 'Nip', value: '5265877635' }, ['InvoiceWrite']);
    const response = await call(sandbox.baseUrl, 'GET', '/probe/needs-write', { bearer: tokens.accessToken.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ context: { type: 'Nip', value: '5265877635' }, identity: { type: 'Nip', value: '5265877635' }, authMethod: 'Token' });
  });

  it('403 missing-permissions with required and present permissions', async () => {
    const tokens = await loginWithKsefToken(sandbox, { type: 'Nip', value: '5265877635' }, ['InvoiceRead']);
    const response = await call(sandbox.baseUrl, 'GET', '/probe/needs-write', { bearer: tokens.accessToken.token });
    expect(response.status).toBe(403);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      reasonCode: 'missing-permissions',
      security: { requiredAnyOfPermissions: ['InvoiceWrite', 'EnforcementOperations'], presentPermissions: ['InvoiceRead'] },
    });
    expectResponseMatchesSpec('GET', '/auth/sessions', 403, response.body, response.contentType);
  });

  it('refresh and operation tokens are not access tokens', async () => {
    const tokens = await loginWithKsefToken(sandbox, { type: 'Nip', value: '5265877635' }, ['InvoiceWrite']);
    expect((await call(sandbox.baseUrl, 'GET', '/probe/needs-write', { bearer: tokens.refreshToken.token })).status).toBe(401);
    expect((await call(sandbox.baseUrl, 'GET', '/probe/needs-write', { bearer: tokens.start.authenticationToken.token })).status).toBe(401);
  });
});
