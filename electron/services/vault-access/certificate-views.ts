import type { CertificateEntry, CertificateSummary } from '../../../shared/ipc/channels/certificates';
import type { ImportSummary, VaultEntrySummary } from '../certificates';

/** The wizard's view of a draft: public facts only. */
export function toCertificateSummary(summary: ImportSummary): CertificateSummary {
  return {
    fileName: summary.fileName,
    format: summary.format,
    subject: summary.subject.text,
    issuer: summary.issuer.text,
    ownerName: summary.ownerName,
    ...(summary.nip !== undefined ? { nip: summary.nip } : {}),
    ...(summary.pesel !== undefined ? { pesel: summary.pesel } : {}),
    serialNumber: summary.serialNumber,
    fingerprintSha256: summary.fingerprintSha256,
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
    keyType: summary.keyType,
    selfSigned: summary.selfSigned,
    ksefCertificateType: summary.ksefCertificateType,
    canSignIn: summary.canSignIn,
    ...(summary.keyProblem !== null ? { keyProblem: summary.keyProblem } : {}),
    status: summary.status,
    warnings: summary.warnings,
  };
}

export function toCertificateEntry(entry: VaultEntrySummary): CertificateEntry {
  return {
    id: entry.id,
    label: entry.label,
    subject: entry.subject,
    issuer: entry.issuer,
    ownerName: entry.ownerName,
    ...(entry.nip !== undefined ? { nip: entry.nip } : {}),
    ...(entry.pesel !== undefined ? { pesel: entry.pesel } : {}),
    serialNumber: entry.serialNumber,
    fingerprintSha256: entry.fingerprintSha256,
    notBefore: entry.notBefore,
    notAfter: entry.notAfter,
    keyType: entry.keyType,
    status: entry.status,
    ...(entry.revokedAt !== undefined ? { revokedAt: entry.revokedAt } : {}),
    source: entry.source,
    ...(entry.ksefCertificateType !== undefined ? { ksefCertificateType: entry.ksefCertificateType } : {}),
    canSignIn: entry.canSignIn,
    ...(entry.keyProblem !== undefined ? { keyProblem: entry.keyProblem } : {}),
    defaultFor: entry.defaultFor,
    createdAt: entry.createdAt,
  };
}
