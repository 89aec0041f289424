import { issuedCertificates } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { IssuedCertificateRecord, IssuedCertificateType } from '../state/types';
import type { IssuedCertificate } from './issue-certificate';

/** Remembers a certificate issued by the sandbox CA, so XAdES login can check its type and revocation. */
export function recordIssuedCertificate(store: SandboxStore, issued: IssuedCertificate, type: IssuedCertificateType): IssuedCertificateRecord {
  const record: IssuedCertificateRecord = {
    serialNumber: issued.serialNumber,
    type,
    der: issued.der,
    fingerprint: issued.fingerprint,
    subjectDn: issued.subjectDn,
    validFrom: issued.validFrom.toISOString(),
    validTo: issued.validTo.toISOString(),
    status: 'Active',
  };
  issuedCertificates(store)[record.serialNumber] = record;
  store.changed();
  return record;
}

/** Revokes a sandbox-issued certificate; later XAdES logins with it end with status 460. */
export function revokeIssuedCertificate(store: SandboxStore, serialNumber: string, reason: string, now: Date): IssuedCertificateRecord | undefined {
  const record = issuedCertificates(store)[serialNumber.toUpperCase()];
  if (!record) return undefined;
  record.status = 'Revoked';
  record.revocationDate = now.toISOString();
  record.revocationReason = reason;
  store.changed();
  return record;
}
