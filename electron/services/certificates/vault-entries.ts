import { inspectCertificate, type CertificateInspection, type CertificateStatus, type KeyType } from './inspect';
import type { CertificateEntry } from '../../../shared/ipc/channels/certificates';
import type { KeyProtector } from './key-protector';
import type { StoredEntry, VaultMetadata } from './vault-store';

export type CertificateSource = 'imported' | 'test' | 'ksef';
/** The certificate's own status, or `revoked` once KSeF said so (nothing in the certificate itself shows that). */
export type VaultEntryStatus = CertificateStatus | 'revoked';

/**
 * One vault entry: what the UI lists (metadata only, never key bytes) plus what main alone needs.
 * The IPC layer projects it field by field (vault-access/certificate-views.ts), so these extras never leave main.
 */
export interface VaultEntrySummary extends CertificateEntry {
  keyType: KeyType;
  status: VaultEntryStatus;
  source: CertificateSource;
  canSignInBySubject: boolean;
  protection: KeyProtector['kind'];
}

export function inspectEntry(entry: StoredEntry, now: Date): CertificateInspection {
  return inspectCertificate(Buffer.from(entry.certificateDerBase64, 'base64'), { now, ksefIssued: entry.source === 'ksef' });
}

/** Derived fields are recomputed from the stored certificate so they can never drift from it. */
export function summarizeEntry(entry: StoredEntry, metadata: VaultMetadata, now: Date): VaultEntrySummary {
  const inspection = inspectEntry(entry, now);
  const ksefCertificateType = entry.ksefCertificateType ?? (inspection.ksefIssued ? inspection.ksefCertificateType : null);
  return {
    id: entry.id,
    label: entry.label,
    subject: inspection.subject.text,
    issuer: inspection.issuer.text,
    ownerName: inspection.ownerName,
    ...(inspection.nip !== undefined ? { nip: inspection.nip } : {}),
    ...(inspection.pesel !== undefined ? { pesel: inspection.pesel } : {}),
    serialNumber: inspection.serialNumber,
    fingerprintSha256: inspection.fingerprintSha256,
    notBefore: inspection.notBefore,
    notAfter: inspection.notAfter,
    keyType: inspection.keyType,
    status: entry.revokedAt !== undefined ? 'revoked' : inspection.status,
    ...(entry.revokedAt !== undefined ? { revokedAt: entry.revokedAt } : {}),
    source: entry.source,
    ...(ksefCertificateType ? { ksefCertificateType } : {}),
    // KSeF refuses a revoked certificate anyway; saying so here spares a round trip and a vague rejection.
    canSignIn: inspection.canSignIn && entry.revokedAt === undefined,
    ...(inspection.keyProblem !== null ? { keyProblem: inspection.keyProblem } : {}),
    canSignInBySubject: inspection.canSignInBySubject,
    defaultFor: Object.entries(metadata.defaults)
      .filter(([, entryId]) => entryId === entry.id)
      .map(([nip]) => nip),
    protection: entry.protection,
    createdAt: entry.createdAt,
  };
}
