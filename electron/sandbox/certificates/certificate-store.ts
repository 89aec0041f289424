import { issuedCertificates } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { IssuedCertificateRecord, IssuedCertificateType, StatusInfo, SubjectIdentity } from '../state/types';
import { sameIdentity } from '../permissions/identities';

/** One POST /certificates/enrollments request (status kept 30 days by KSeF; the sandbox keeps it). */
export interface EnrollmentRecord {
  referenceNumber: string;
  requestDate: string;
  /** Who enrolled: the certificate is tied to this identifier. */
  subject: SubjectIdentity;
  certificateName: string;
  certificateType: IssuedCertificateType;
  csrDer: Buffer;
  validFrom?: string;
  status: StatusInfo;
  certificateSerialNumber?: string;
}

/** What KSeF lists about a certificate beyond the X.509 data the core records (name, owner, request date). */
export interface KsefCertificateDetails {
  serialNumber: string;
  name: string;
  type: IssuedCertificateType;
  owner: SubjectIdentity;
  commonName: string;
  requestDate: string;
  /** SHA-256 of the certified SubjectPublicKeyInfo: one key may be certified for one subject only. */
  publicKeySha256: string;
}

export type CertificateListStatus = 'Active' | 'Blocked' | 'Revoked' | 'Expired';

export const enrollments = (store: SandboxStore) => store.slice<Record<string, EnrollmentRecord>>('certificateEnrollments', () => ({}));
export const certificateDetails = (store: SandboxStore) => store.slice<Record<string, KsefCertificateDetails>>('ksefCertificateDetails', () => ({}));

/** Defaults per subject identifier type (PROTOCOL §11/§18): requests / active certificates. */
const SUBJECT_LIMITS: Record<SubjectIdentity['type'], { enrollments: number; certificates: number }> = {
  Nip: { enrollments: 300, certificates: 100 },
  Pesel: { enrollments: 12, certificates: 6 },
  Fingerprint: { enrollments: 12, certificates: 6 },
};

export function subjectLimits(identity: SubjectIdentity): { enrollments: number; certificates: number } {
  return SUBJECT_LIMITS[identity.type];
}

export function listStatus(record: IssuedCertificateRecord, now: Date): CertificateListStatus {
  if (record.status === 'Active' && new Date(record.validTo) < now) return 'Expired';
  return record.status;
}

export interface CertificateLimitsView {
  canRequest: boolean;
  enrollment: { remaining: number; limit: number };
  certificate: { remaining: number; limit: number };
}

export function certificateLimitsFor(store: SandboxStore, identity: SubjectIdentity, now: Date): CertificateLimitsView {
  const limits = subjectLimits(identity);
  const requested = Object.values(enrollments(store)).filter((e) => sameIdentity(e.subject, identity)).length;
  const issued = issuedCertificates(store);
  const active = Object.values(certificateDetails(store)).filter((d) => {
    const record = issued[d.serialNumber];
    return sameIdentity(d.owner, identity) && record !== undefined && listStatus(record, now) === 'Active';
  }).length;
  const enrollment = { remaining: Math.max(0, limits.enrollments - requested), limit: limits.enrollments };
  const certificate = { remaining: Math.max(0, limits.certificates - active), limit: limits.certificates };
  return { canRequest: enrollment.remaining > 0 && certificate.remaining > 0, enrollment, certificate };
}
