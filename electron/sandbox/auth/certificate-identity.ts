import { certificateFingerprint } from '../crypto/primitives';
import type { x509 } from '../crypto/x509-provider';
import type { SubjectIdentity } from '../state/types';

const SERIAL_NUMBER_OID = '2.5.4.5';
const ORGANIZATION_IDENTIFIER_OID = '2.5.4.97';

export type SubjectIdentifierType = 'certificateSubject' | 'certificateFingerprint';

export interface CertificateIdentity {
  identity: SubjectIdentity;
  /** A seal (organizationIdentifier) rather than a person (serialNumber). */
  isSeal: boolean;
}

/**
 * KSeF's identity rules (PROTOCOL §4.2): person serialNumber `(PNOPL|PESEL).*?(\d{11})` or `(TINPL|NIP).*?(\d{10})`,
 * seal organizationIdentifier `(VATPL).*?(\d{10})`, or the uppercase SHA-256 fingerprint.
 */
export function identityFromCertificate(
  certificate: x509.X509Certificate,
  der: Buffer,
  subjectIdentifierType: SubjectIdentifierType,
): CertificateIdentity | undefined {
  const isSeal = certificate.subjectName.getField(ORGANIZATION_IDENTIFIER_OID).length > 0;
  if (subjectIdentifierType === 'certificateFingerprint') return { identity: { type: 'Fingerprint', value: certificateFingerprint(der) }, isSeal };
  for (const serial of certificate.subjectName.getField(SERIAL_NUMBER_OID)) {
    const pesel = /(PNOPL|PESEL).*?(\d{11})/.exec(serial);
    if (pesel?.[2]) return { identity: { type: 'Pesel', value: pesel[2] }, isSeal: false };
    const nip = /(TINPL|NIP).*?(\d{10})/.exec(serial);
    if (nip?.[2]) return { identity: { type: 'Nip', value: nip[2] }, isSeal: false };
  }
  for (const orgId of certificate.subjectName.getField(ORGANIZATION_IDENTIFIER_OID)) {
    const nip = /(VATPL).*?(\d{10})/.exec(orgId);
    if (nip?.[2]) return { identity: { type: 'Nip', value: nip[2] }, isSeal: true };
  }
  return undefined;
}
