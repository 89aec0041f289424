import { z } from 'zod';
import { pollUntil, type PollPolicy } from '../auth/poll';
import type { KsefSession } from '../auth/session';
import { KsefOperationError } from '../http/errors';
import { pathParam } from '../http/transport';
import { systemTime, type KsefTime } from '../time';

export type PersonPermissionType =
  | 'CredentialsManage'
  | 'CredentialsRead'
  | 'InvoiceWrite'
  | 'InvoiceRead'
  | 'Introspection'
  | 'SubunitManage'
  | 'EnforcementOperations';

export type PersonSubjectDetails =
  | { subjectDetailsType: 'PersonByIdentifier'; personById: { firstName: string; lastName: string } }
  | {
      subjectDetailsType: 'PersonByFingerprintWithIdentifier';
      personByFpWithId: { firstName: string; lastName: string; identifier: { type: 'Pesel' | 'Nip'; value: string } };
    }
  | {
      subjectDetailsType: 'PersonByFingerprintWithoutIdentifier';
      personByFpNoId: { firstName: string; lastName: string; birthDate: string; idDocument: { type: string; number: string; country: string } };
    };

export interface PersonPermissionsGrant {
  subjectIdentifier: { type: 'Nip' | 'Pesel' | 'Fingerprint'; value: string };
  permissions: PersonPermissionType[];
  description: string;
  subjectDetails: PersonSubjectDetails;
}

export interface EntityPermissionsGrant {
  subjectIdentifier: { type: 'Nip'; value: string };
  permissions: Array<{ type: 'InvoiceRead' | 'InvoiceWrite'; canDelegate?: boolean }>;
  description: string;
  subjectDetails: { fullName: string };
}

export interface PersonPermissionsQuery {
  queryType: 'PermissionsInCurrentContext' | 'PermissionsGrantedInCurrentContext';
  authorIdentifier?: { type: string; value?: string };
  authorizedIdentifier?: { type: string; value: string };
  contextIdentifier?: { type: string; value: string };
  targetIdentifier?: { type: string; value?: string };
  permissionTypes?: PersonPermissionType[];
  permissionState?: 'Active' | 'Inactive';
}

export interface PersonalPermissionsQuery {
  contextIdentifier?: { type: string; value: string };
  targetIdentifier?: { type: string; value?: string };
  permissionTypes?: Array<PersonPermissionType | 'VatUeManage'>;
  permissionState?: 'Active' | 'Inactive';
}

export interface PageRequest {
  /** 10–100. */
  pageSize?: number;
  /** 0-based page index. */
  pageOffset?: number;
}

const identifierSchema = z.object({ type: z.string(), value: z.string().nullish() });
const permissionItemSchema = z.object({
  id: z.string(),
  authorizedIdentifier: identifierSchema.nullish(),
  authorIdentifier: identifierSchema.nullish(),
  contextIdentifier: identifierSchema.nullish(),
  targetIdentifier: identifierSchema.nullish(),
  permissionScope: z.string(),
  description: z.string(),
  permissionState: z.string(),
  startDate: z.string(),
  canDelegate: z.boolean(),
});
const permissionPageSchema = z.object({ permissions: z.array(permissionItemSchema), hasMore: z.boolean() });
const operationSchema = z.object({ referenceNumber: z.string() });
const operationStatusSchema = z.object({
  status: z.object({ code: z.number().int(), description: z.string(), details: z.array(z.string()).nullish() }),
});

export type PermissionItem = z.infer<typeof permissionItemSchema>;
export type PermissionPage = z.infer<typeof permissionPageSchema>;
export type PermissionOperationStatus = z.infer<typeof operationStatusSchema>['status'];

/** Permission grants, revocations and queries, PROTOCOL §13. Grants are asynchronous: poll operationStatus. */
export class KsefPermissionsApi {
  constructor(
    private readonly session: KsefSession,
    private readonly options: { time?: KsefTime; poll?: Partial<PollPolicy> } = {},
  ) {}

  grantToPerson(grant: PersonPermissionsGrant): Promise<{ referenceNumber: string }> {
    return this.session.requestJson({ method: 'POST', path: '/permissions/persons/grants', template: '/permissions/persons/grants', json: grant }, operationSchema);
  }

  grantToEntity(grant: EntityPermissionsGrant): Promise<{ referenceNumber: string }> {
    return this.session.requestJson({ method: 'POST', path: '/permissions/entities/grants', template: '/permissions/entities/grants', json: grant }, operationSchema);
  }

  queryPersonGrants(query: PersonPermissionsQuery, page: PageRequest = {}): Promise<PermissionPage> {
    return this.session.requestJson(
      { method: 'POST', path: '/permissions/query/persons/grants', template: '/permissions/query/persons/grants', query: { ...page }, json: query },
      permissionPageSchema,
    );
  }

  /** The caller's own permissions. */
  queryPersonalGrants(query: PersonalPermissionsQuery = {}, page: PageRequest = {}): Promise<PermissionPage> {
    return this.session.requestJson(
      { method: 'POST', path: '/permissions/query/personal/grants', template: '/permissions/query/personal/grants', query: { ...page }, json: query },
      permissionPageSchema,
    );
  }

  /** DELETE /permissions/common/grants/{id}: asynchronous too (202 + referenceNumber). */
  revokeCommonGrant(permissionId: string): Promise<{ referenceNumber: string }> {
    return this.session.requestJson(
      { method: 'DELETE', path: `/permissions/common/grants/${pathParam(permissionId)}`, template: '/permissions/common/grants/{permissionId}' },
      operationSchema,
    );
  }

  /** 100 accepted, 200 done; 400–550 failed (PROTOCOL §13). */
  async operationStatus(referenceNumber: string): Promise<PermissionOperationStatus> {
    const response = await this.session.requestJson(
      { method: 'GET', path: `/permissions/operations/${pathParam(referenceNumber)}`, template: '/permissions/operations/{referenceNumber}' },
      operationStatusSchema,
    );
    return response.status;
  }

  /** Polls operationStatus until it leaves 100; resolves on 200, throws KsefOperationError otherwise. */
  async waitForOperation(referenceNumber: string): Promise<PermissionOperationStatus> {
    const policy: PollPolicy = { initialDelayMs: 250, maxDelayMs: 3_000, timeoutMs: 120_000, ...this.options.poll };
    const outcome = await pollUntil(this.options.time ?? systemTime, policy, async () => {
      const status = await this.operationStatus(referenceNumber);
      return { done: status.code !== 100, value: status };
    });
    if (outcome.value.code !== 200) {
      throw new KsefOperationError('permission operation', referenceNumber, outcome.value.code, outcome.value.description, outcome.value.details ?? []);
    }
    return outcome.value;
  }
}
