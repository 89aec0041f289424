import { KsefCertificatesApi, type KsefCertificateType } from '../api/certificates';
import { pollUntil, type PollPolicy } from '../auth/poll';
import type { KsefSession } from '../auth/session';
import { KsefOperationError } from '../http/errors';
import { systemTime, type KsefTime } from '../time';
import { buildEnrollmentCsr, type CsrKeyType } from './csr';

export interface EnrollCertificateInput {
  type: KsefCertificateType;
  /** certificateName: 5–100 chars. */
  name: string;
  keyType?: CsrKeyType;
  validFrom?: Date;
}

export interface EnrolledCertificate {
  certificateDer: Buffer;
  /** Generated here; the caller stores it (vault) and must not log it. */
  privateKeyPkcs8Der: Buffer;
  serialNumber: string;
  type: KsefCertificateType;
}

export interface EnrollCertificateOptions {
  time?: KsefTime;
  poll?: Partial<PollPolicy>;
}

const DEFAULT_POLL: PollPolicy = { initialDelayMs: 500, maxDelayMs: 5_000, timeoutMs: 300_000 };
const IN_PROGRESS = 100;
const ISSUED = 200;

/**
 * Whole KSeF certificate enrollment on a XAdES-authenticated session:
 * enrollment data → key + CSR → submit → poll until issued → retrieve.
 */
export async function enrollCertificate(session: KsefSession, input: EnrollCertificateInput, options: EnrollCertificateOptions = {}): Promise<EnrolledCertificate> {
  const api = new KsefCertificatesApi(session);
  const data = await api.enrollmentData();
  const { csrDer, privateKeyPkcs8Der } = await buildEnrollmentCsr(data, input.keyType ?? 'ec');
  const { referenceNumber } = await api.submitEnrollment({
    certificateName: input.name,
    certificateType: input.type,
    csrDer,
    ...(input.validFrom ? { validFrom: input.validFrom } : {}),
  });

  const outcome = await pollUntil(options.time ?? systemTime, { ...DEFAULT_POLL, ...options.poll }, async () => {
    const status = await api.enrollmentStatus(referenceNumber);
    return { done: status.status.code !== IN_PROGRESS, value: status };
  });
  const { status, certificateSerialNumber } = outcome.value;
  if (status.code !== ISSUED || !certificateSerialNumber) {
    throw new KsefOperationError('certificate enrollment', referenceNumber, status.code, status.description, status.details ?? []);
  }

  const [certificate] = await api.retrieve([certificateSerialNumber]);
  if (!certificate) throw new KsefOperationError('certificate retrieval', referenceNumber, status.code, `certificate ${certificateSerialNumber} not returned`);
  return { certificateDer: certificate.certificateDer, privateKeyPkcs8Der, serialNumber: certificateSerialNumber, type: certificate.certificateType };
}
