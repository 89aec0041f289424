import type {
  KsefCertificateInfo,
  KsefCertificateLimits,
  KsefCertificateList,
  KsefCertificateStatus,
  RevocationReason,
} from '../../../shared/ipc/channels/ksef-certificates';
import type { ErrorCode } from '../../../shared/ipc/result';
import type { AuthService } from '../auth-session/auth-service';
import { withKsefErrors } from '../auth-session/ksef-errors';
import { AppError, isAppError } from '../errors/app-error';
import { KsefCertificatesApi } from '../ksef';
import type { CertificateService } from '../vault-access/certificate-service';

export interface KsefCertificatesServiceDeps {
  auth: AuthService;
  certificates: CertificateService;
  /** Publishes certificates:changed (the KSeF list and, maybe, the local list changed). */
  onChange?: () => void;
}

/** KSeF allows 10–50 per page (PROTOCOL §11.7). */
const PAGE_SIZE = 50;
/**
 * 20 pages = 1,000 certificates: far beyond the 100 active ones a NIP may hold, yet a bound on how
 * long one list call keeps the query endpoint busy. Past it the answer says `truncated`.
 */
const MAX_PAGES = 20;

/** What KSeF's refusals of a revoke mean for the user (PROTOCOL §11.8). */
const REVOKE_FAILURES: ReadonlyArray<[detail: string, code: ErrorCode]> = [
  ['ksef:25008', 'NOT_FOUND'],
  ['ksef:25009', 'KSEF_CERTIFICATE_NOT_ACTIVE'],
  ['reason:auth-method-not-allowed', 'REQUIRES_CERTIFICATE_LOGIN'],
];

/**
 * The signed-in identity's KSeF certificates as KSeF knows them: list (all pages), limits, revoke.
 * KSeF's answer is also the only source of revocations, so the local certificate list follows it.
 */
export class KsefCertificatesService {
  constructor(private readonly deps: KsefCertificatesServiceDeps) {}

  /** KSeF allows listing after a token sign-in too; the list is the token owner's certificates. */
  async list(status?: KsefCertificateStatus): Promise<KsefCertificateList> {
    const api = this.api();
    const certificates: KsefCertificateInfo[] = [];
    let hasMore = true;
    for (let pageOffset = 0; hasMore && pageOffset < MAX_PAGES; pageOffset += 1) {
      const page = await withKsefErrors(() => api.query(status ? { status } : {}, { pageSize: PAGE_SIZE, pageOffset }));
      certificates.push(...page.certificates.map(toInfo));
      hasMore = page.hasMore;
    }
    const { localIds, changed } = await this.deps.certificates.syncKsefStatuses(
      new Map(certificates.map((certificate) => [certificate.serialNumber, certificate.status])),
    );
    if (changed) this.deps.onChange?.();
    return {
      certificates: certificates.map((certificate) => {
        const localCertificateId = localIds.get(certificate.serialNumber);
        return localCertificateId ? { ...certificate, localCertificateId } : certificate;
      }),
      truncated: hasMore,
    };
  }

  limits(): Promise<KsefCertificateLimits> {
    const api = this.api();
    return withKsefErrors(async () => {
      const { canRequest, enrollment, certificate } = await api.limits();
      return { canRequest, enrollment: { ...enrollment }, certificate: { ...certificate } };
    });
  }

  /** Revokes at once and for good; the local copy (if any) is marked revoked so it is not offered for sign-in. */
  async revoke(serialNumber: string, reason?: RevocationReason): Promise<void> {
    const { session, info } = this.deps.auth.requireSession();
    // KSeF refuses revocation after a token sign-in (spec); say so before asking it.
    if (info.method !== 'certificate') throw new AppError('REQUIRES_CERTIFICATE_LOGIN', 'revoking a KSeF certificate needs a certificate sign-in');
    try {
      await withKsefErrors(() => new KsefCertificatesApi(session).revoke(serialNumber, reason));
    } catch (error) {
      throw revokeFailure(error);
    }
    await this.deps.certificates.syncKsefStatuses(new Map([[serialNumber, 'Revoked']]));
    this.deps.onChange?.();
  }

  private api(): KsefCertificatesApi {
    return new KsefCertificatesApi(this.deps.auth.requireSession().session);
  }
}

function revokeFailure(error: unknown): unknown {
  if (!isAppError(error)) return error;
  const match = REVOKE_FAILURES.find(([detail]) => error.details.includes(detail));
  return match ? new AppError(match[1], error.message, error.details) : error;
}

type KsefListItem = Awaited<ReturnType<KsefCertificatesApi['query']>>['certificates'][number];

function toInfo(item: KsefListItem): KsefCertificateInfo {
  return {
    serialNumber: item.certificateSerialNumber,
    name: item.name,
    type: item.type,
    status: item.status,
    commonName: item.commonName,
    validFrom: item.validFrom,
    validTo: item.validTo,
    requestDate: item.requestDate,
    ...(item.lastUseDate ? { lastUseAt: item.lastUseDate } : {}),
  };
}
