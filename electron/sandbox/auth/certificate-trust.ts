import { isIssuedBySandboxCa, type SandboxCa } from '../crypto/ca';
import type { x509 } from '../crypto/x509-provider';
import { issuedCertificates } from '../state/core-slices';
import type { SandboxStore } from '../state/store';
import type { IssuedCertificateRecord } from '../state/types';

export type CertificateTrust =
  | { kind: 'self-signed' }
  | { kind: 'sandbox-issued'; record: IssuedCertificateRecord }
  | { kind: 'rejected'; detail: string };

/**
 * Like the MF TEST environment, a self-signed certificate stands in for a qualified one; otherwise
 * only KSeF certificates of type Authentication issued by the sandbox CA (and still active) are trusted.
 */
export async function assessCertificate(
  store: SandboxStore,
  ca: SandboxCa,
  certificate: x509.X509Certificate,
  now: Date,
  verifyChain: boolean,
): Promise<CertificateTrust> {
  if (now < certificate.notBefore || now > certificate.notAfter) return { kind: 'rejected', detail: 'Nieważny certyfikat' };
  if (await isIssuedBySandboxCa(ca, certificate)) {
    const record = issuedCertificates(store)[certificate.serialNumber.toUpperCase()];
    if (!record) return { kind: 'rejected', detail: 'Niepoprawny certyfikat' };
    if (record.status === 'Revoked') return { kind: 'rejected', detail: 'Certyfikat odwołany' };
    if (record.status === 'Blocked') return { kind: 'rejected', detail: 'Certyfikat zawieszony' };
    if (record.status !== 'Active') return { kind: 'rejected', detail: 'Nieważny certyfikat' };
    if (record.type !== 'Authentication') return { kind: 'rejected', detail: 'Niepoprawny certyfikat' };
    return { kind: 'sandbox-issued', record };
  }
  if (await certificate.isSelfSigned()) {
    // verifyCertificateChain=true forces chain checks, which a self-signed certificate cannot pass.
    return verifyChain ? { kind: 'rejected', detail: 'Błąd weryfikacji łańcucha certyfikatów' } : { kind: 'self-signed' };
  }
  return { kind: 'rejected', detail: 'Niezaufany łańcuch certyfikatów' };
}
