import { createHash } from 'node:crypto';
import { issueCertificate } from '../crypto/issue-certificate';
import { recordIssuedCertificate } from '../crypto/issued-certificates';
import { x509 } from '../crypto/x509-provider';
import type { SandboxDeps } from '../deps';
import { isRelated } from '../permissions/identities';
import { certificateDetails, certificateLimitsFor, enrollments, type EnrollmentRecord } from './certificate-store';

/** KSeF TE certificates are valid for two years (PROTOCOL §11, observed). */
const VALIDITY_YEARS = 2;

const STATUS = {
  issued: { code: 200, description: 'Wniosek obsłużony (certyfikat wygenerowany)' },
  keyTaken: { code: 400, description: 'Wniosek odrzucony', details: ['Klucz publiczny został już certyfikowany przez inny podmiot.'] },
  limitReached: { code: 400, description: 'Wniosek odrzucony', details: ['Osiągnięto dopuszczalny limit posiadanych certyfikatów.'] },
  failed: { code: 500, description: 'Nieznany błąd' },
} as const;

/** Enrollments of one sandbox are processed one after another, so two requests cannot certify one key twice. */
const queues = new WeakMap<SandboxDeps, Promise<void>>();

export function scheduleEnrollment(deps: SandboxDeps, referenceNumber: string): void {
  const previous = queues.get(deps) ?? Promise.resolve();
  const next = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => processEnrollment(deps, referenceNumber));
  queues.set(
    deps,
    next.catch((error: unknown) => {
      const record = enrollments(deps.store)[referenceNumber];
      if (record) record.status = { ...STATUS.failed, details: [error instanceof Error ? error.message : String(error)] };
      deps.store.changed();
    }),
  );
}

/** After a restart, enrollments still at 100 are picked up again. */
export function resumePendingEnrollments(deps: SandboxDeps): void {
  for (const record of Object.values(enrollments(deps.store))) if (record.status.code === 100) scheduleEnrollment(deps, record.referenceNumber);
}

function publicKeyTakenByOther(deps: SandboxDeps, record: EnrollmentRecord, publicKeySha256: string): boolean {
  return Object.values(certificateDetails(deps.store)).some((d) => d.publicKeySha256 === publicKeySha256 && !isRelated(deps.store, record.subject, d.owner));
}

async function processEnrollment(deps: SandboxDeps, referenceNumber: string): Promise<void> {
  const record = enrollments(deps.store)[referenceNumber];
  if (!record || record.status.code !== 100) return;
  const csr = new x509.Pkcs10CertificateRequest(record.csrDer);
  const publicKeySha256 = createHash('sha256').update(Buffer.from(csr.publicKey.rawData)).digest('hex');
  const now = deps.clock.now();
  if (publicKeyTakenByOther(deps, record, publicKeySha256)) {
    record.status = { ...STATUS.keyTaken, details: [...STATUS.keyTaken.details] };
  } else if (certificateLimitsFor(deps.store, record.subject, now).certificate.remaining <= 0) {
    record.status = { ...STATUS.limitReached, details: [...STATUS.limitReached.details] };
  } else {
    const validFrom = record.validFrom ? new Date(record.validFrom) : now;
    const validTo = new Date(validFrom);
    validTo.setUTCFullYear(validTo.getUTCFullYear() + VALIDITY_YEARS);
    const issued = await issueCertificate(deps.crypto.ca, { csrDer: record.csrDer, type: record.certificateType, validFrom, validTo });
    recordIssuedCertificate(deps.store, issued, record.certificateType);
    certificateDetails(deps.store)[issued.serialNumber] = {
      serialNumber: issued.serialNumber,
      name: record.certificateName,
      type: record.certificateType,
      owner: record.subject,
      commonName: csr.subjectName.getField('2.5.4.3')[0] ?? '',
      requestDate: record.requestDate,
      publicKeySha256,
    };
    record.certificateSerialNumber = issued.serialNumber;
    record.status = { ...STATUS.issued };
  }
  deps.store.changed();
}
