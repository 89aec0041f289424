import type { SubjectIdentifierKind } from '../../../shared/ipc/channels/auth';
import type { GrantablePermission, GrantResult, PermissionGrant } from '../../../shared/ipc/channels/permissions';
import type { AuthService } from '../auth-session/auth-service';
import { withKsefErrors } from '../auth-session/ksef-errors';
import { AppError } from '../errors/app-error';
import { KsefPermissionsApi, systemTime, type KsefTime } from '../ksef';
import { pollUntil } from '../ksef/auth/poll';
import type { PersonSubjectDetails } from '../ksef/api/permissions';

export interface GrantRequest {
  subject: { type: SubjectIdentifierKind; value: string };
  permissions: GrantablePermission[];
  firstName: string;
  lastName: string;
  description?: string;
  fingerprintOwner?: { type: 'Pesel' | 'Nip'; value: string };
}

const SUBJECT_KINDS: readonly string[] = ['Nip', 'Pesel', 'Fingerprint'];
// Grants usually finish within seconds; past this the UI says "pending" instead of spinning forever.
const OPERATION_POLL = { initialDelayMs: 200, maxDelayMs: 2_000, timeoutMs: 30_000 };

/** Person permissions in the signed-in context: list, grant (e.g. to a bookkeeper), revoke. */
export class PermissionsService {
  constructor(
    private readonly auth: AuthService,
    private readonly onChange: () => void = () => undefined,
    private readonly time: KsefTime = systemTime,
  ) {}

  async list(): Promise<PermissionGrant[]> {
    const api = this.api();
    const page = await withKsefErrors(() => api.queryPersonGrants({ queryType: 'PermissionsGrantedInCurrentContext' }, { pageSize: 100 }));
    return page.permissions.map((item) => ({
      id: item.id,
      subject: {
        type: (SUBJECT_KINDS.includes(item.authorizedIdentifier?.type ?? '') ? item.authorizedIdentifier?.type : 'Fingerprint') as SubjectIdentifierKind,
        value: item.authorizedIdentifier?.value ?? '',
      },
      permission: item.permissionScope,
      description: item.description,
      grantedAt: item.startDate,
      canBeRevoked: item.permissionState !== 'Inactive',
    }));
  }

  async grant(request: GrantRequest): Promise<GrantResult> {
    const api = this.api();
    const description = request.description ?? `KSeF Desk: ${request.firstName} ${request.lastName}`.slice(0, 256);
    const { referenceNumber } = await withKsefErrors(() =>
      api.grantToPerson({ subjectIdentifier: request.subject, permissions: request.permissions, description, subjectDetails: subjectDetails(request) }),
    );
    return this.finish(api, referenceNumber);
  }

  async revoke(permissionId: string): Promise<GrantResult> {
    const api = this.api();
    const { referenceNumber } = await withKsefErrors(() => api.revokeCommonGrant(permissionId));
    return this.finish(api, referenceNumber);
  }

  private async finish(api: KsefPermissionsApi, referenceNumber: string): Promise<GrantResult> {
    const outcome = await withKsefErrors(() =>
      pollUntil(this.time, OPERATION_POLL, async () => {
        const status = await api.operationStatus(referenceNumber);
        return { done: status.code !== 100, value: status };
      }),
    );
    this.onChange();
    if (!outcome.done) return { referenceNumber, state: 'pending' };
    if (outcome.value.code !== 200) {
      throw new AppError('KSEF_REJECTED', outcome.value.description, [`operation-status:${outcome.value.code}`, ...(outcome.value.details ?? [])]);
    }
    return { referenceNumber, state: 'done' };
  }

  private api(): KsefPermissionsApi {
    return new KsefPermissionsApi(this.auth.requireSession().session);
  }
}

function subjectDetails(request: GrantRequest): PersonSubjectDetails {
  const name = { firstName: request.firstName, lastName: request.lastName };
  if (request.subject.type !== 'Fingerprint') return { subjectDetailsType: 'PersonByIdentifier', personById: name };
  if (!request.fingerprintOwner) throw new AppError('INVALID_INPUT', 'a fingerprint grant needs the person’s PESEL or NIP', ['fingerprintOwner']);
  return { subjectDetailsType: 'PersonByFingerprintWithIdentifier', personByFpWithId: { ...name, identifier: request.fingerprintOwner } };
}
