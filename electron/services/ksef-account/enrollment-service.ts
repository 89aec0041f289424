import type { CertificateEntry, CertificateKeyAlgorithm, EnrollmentProgress, KsefCertificateType } from '../../../shared/ipc/channels/certificates';
import type { AuthService } from '../auth-session/auth-service';
import { withKsefErrors } from '../auth-session/ksef-errors';
import { AppError } from '../errors/app-error';
import { buildEnrollmentCsr, KsefCertificatesApi, systemTime, type KsefTime } from '../ksef';
import { pollUntil } from '../ksef/auth/poll';
import type { CertificateService } from '../vault-access/certificate-service';

export interface EnrollmentServiceDeps {
  auth: AuthService;
  certificates: CertificateService;
  onProgress?: (progress: EnrollmentProgress) => void;
  time?: KsefTime;
  clock?: { now(): Date };
}

const ENROLLMENT_POLL = { initialDelayMs: 500, maxDelayMs: 5_000, timeoutMs: 300_000 };
const IN_PROGRESS = 100;
const ISSUED = 200;

/**
 * KSeF certificate enrollment for the signed-in identity (PROTOCOL §11), step by step so the UI can
 * show where it is: data → key + CSR → submit → wait for issue → retrieve → store in the vault.
 */
export class EnrollmentService {
  constructor(private readonly deps: EnrollmentServiceDeps) {}

  async enroll(certificateType: KsefCertificateType, keyAlgorithm: CertificateKeyAlgorithm, label?: string): Promise<CertificateEntry> {
    const { session, info } = this.deps.auth.requireSession();
    // KSeF refuses enrollment after a token login (25001); say so before asking it.
    if (info.method !== 'certificate') throw new AppError('REQUIRES_CERTIFICATE_LOGIN', 'enrollment needs a certificate sign-in');
    const api = new KsefCertificatesApi(session);
    const progress = (update: EnrollmentProgress) => this.deps.onProgress?.(update);
    progress({ stage: 'preparing' });
    try {
      const issued = await withKsefErrors(async () => {
        const data = await api.enrollmentData();
        const csr = await buildEnrollmentCsr(data, keyAlgorithm);
        try {
          const { referenceNumber } = await api.submitEnrollment({ certificateName: this.certificateName(certificateType), certificateType, csrDer: csr.csrDer });
          progress({ stage: 'waiting', referenceNumber });
          const outcome = await pollUntil(this.deps.time ?? systemTime, ENROLLMENT_POLL, async () => {
            const status = await api.enrollmentStatus(referenceNumber);
            return { done: status.status.code !== IN_PROGRESS, value: status };
          });
          const { status, certificateSerialNumber } = outcome.value;
          if (status.code !== ISSUED || !certificateSerialNumber) {
            throw new AppError(status.code === IN_PROGRESS ? 'KSEF_UNAVAILABLE' : 'KSEF_REJECTED', status.description, [`enrollment-status:${status.code}`, ...(status.details ?? [])]);
          }
          progress({ stage: 'retrieving', referenceNumber });
          const [certificate] = await api.retrieve([certificateSerialNumber]);
          if (!certificate) throw new AppError('KSEF_UNAVAILABLE', 'issued certificate not returned', [certificateSerialNumber]);
          return await this.deps.certificates.addEnrolled(certificate.certificateDer, csr.privateKeyPkcs8Der, {
            label: label ?? `KSeF ${certificateType === 'Authentication' ? 'uwierzytelnianie' : 'offline'}: ${info.who}`.slice(0, 100),
            ksefCertificateType: certificateType,
          });
        } finally {
          csr.privateKeyPkcs8Der.fill(0);
        }
      });
      progress({ stage: 'done' });
      return issued;
    } catch (error) {
      progress({ stage: 'failed' });
      throw error;
    }
  }

  /** certificateName: 5–100 letters, digits, spaces, `_` and `-` (PROTOCOL §11). */
  private certificateName(type: KsefCertificateType): string {
    const stamp = (this.deps.clock?.now() ?? new Date()).toISOString().slice(0, 19).replace(/[T:]/g, '-');
    return `KSeF Desk ${type} ${stamp}`;
  }
}
