import { z } from 'zod';
import { pollUntil, type PollPolicy } from '../auth/poll';
import type { KsefSession } from '../auth/session';
import { KsefOperationError } from '../http/errors';
import { pathParam } from '../http/transport';
import { systemTime, type KsefTime } from '../time';

export type KsefTokenPermission =
  | 'InvoiceRead'
  | 'InvoiceWrite'
  | 'CredentialsRead'
  | 'CredentialsManage'
  | 'SubunitManage'
  | 'EnforcementOperations'
  | 'Introspection';
export type KsefTokenStatus = 'Pending' | 'Active' | 'Revoking' | 'Revoked' | 'Failed';

const identifierSchema = z.object({ type: z.string(), value: z.string() });
const tokenItemSchema = z.object({
  referenceNumber: z.string(),
  authorIdentifier: identifierSchema,
  contextIdentifier: identifierSchema,
  description: z.string(),
  requestedPermissions: z.array(z.string()),
  dateCreated: z.string(),
  lastUseDate: z.string().nullish(),
  status: z.enum(['Pending', 'Active', 'Revoking', 'Revoked', 'Failed']),
  statusDetails: z.array(z.string()).nullish(),
});
const generateSchema = z.object({ referenceNumber: z.string(), token: z.string().min(1) });
const listSchema = z.object({ continuationToken: z.string().nullish(), tokens: z.array(tokenItemSchema) });

export type KsefTokenInfo = z.infer<typeof tokenItemSchema>;

export interface KsefTokenListFilter {
  statuses?: KsefTokenStatus[];
  /** ≥ 3 chars. */
  description?: string;
  authorIdentifier?: string;
  authorIdentifierType?: 'Nip' | 'Pesel' | 'Fingerprint';
  pageSize?: number;
  continuationToken?: string;
}

/** KSeF tokens, PROTOCOL §12. */
export class KsefTokensApi {
  constructor(
    private readonly session: KsefSession,
    private readonly options: { time?: KsefTime; poll?: Partial<PollPolicy> } = {},
  ) {}

  /** The secret in `token` is shown only once; the token starts as Pending. */
  generate(request: { permissions: KsefTokenPermission[]; description: string }): Promise<{ referenceNumber: string; token: string }> {
    return this.session.requestJson({ method: 'POST', path: '/tokens', template: '/tokens', json: request }, generateSchema);
  }

  list(filter: KsefTokenListFilter = {}): Promise<{ continuationToken?: string | null; tokens: KsefTokenInfo[] }> {
    return this.session.requestJson(
      {
        method: 'GET',
        path: '/tokens',
        template: '/tokens',
        query: {
          status: filter.statuses,
          description: filter.description,
          authorIdentifier: filter.authorIdentifier,
          authorIdentifierType: filter.authorIdentifierType,
          pageSize: filter.pageSize,
        },
        ...(filter.continuationToken ? { headers: { 'x-continuation-token': filter.continuationToken } } : {}),
      },
      listSchema,
    );
  }

  get(referenceNumber: string): Promise<KsefTokenInfo> {
    return this.session.requestJson({ method: 'GET', path: `/tokens/${pathParam(referenceNumber)}`, template: '/tokens/{referenceNumber}' }, tokenItemSchema);
  }

  async revoke(referenceNumber: string): Promise<void> {
    await this.session.request({ method: 'DELETE', path: `/tokens/${pathParam(referenceNumber)}`, template: '/tokens/{referenceNumber}' });
  }

  /** Polls a new token until it leaves Pending; resolves when Active, throws KsefOperationError otherwise. */
  async waitUntilActive(referenceNumber: string): Promise<KsefTokenInfo> {
    const policy: PollPolicy = { initialDelayMs: 250, maxDelayMs: 3_000, timeoutMs: 120_000, ...this.options.poll };
    const outcome = await pollUntil(this.options.time ?? systemTime, policy, async () => {
      const token = await this.get(referenceNumber);
      return { done: token.status !== 'Pending', value: token };
    });
    if (outcome.value.status !== 'Active') {
      throw new KsefOperationError('token activation', referenceNumber, outcome.value.status === 'Pending' ? 100 : 400, outcome.value.status, outcome.value.statusDetails ?? []);
    }
    return outcome.value;
  }
}
