/**
 * KOD II signatures with the company's Offline-type KSeF certificate (PROTOCOL §14). The algorithms are the QR
 * module's (`kod2SignerFor`); here the certificate is chosen and its key is used only inside the vault's
 * `withPrivateKey`, so it never leaves main nor outlives the signature.
 */
import type { KeyObject } from 'node:crypto';
import type { CertificateEntry } from '../../../../shared/ipc/channels/certificates';
import { kod2SignerFor } from '../../invoices/qr';

export interface Kod2Signer {
  /** 16 uppercase hex digits, as KOD II carries it. */
  certificateSerial: string;
  certificateId: string;
  sign(data: Buffer): Promise<Buffer>;
}

export interface OfflineCertificateSource {
  list(): Promise<CertificateEntry[]>;
  withPrivateKey<T>(id: string, fn: (key: KeyObject, certificateDer: Buffer) => Promise<T>): Promise<T>;
}

export function kod2Serial(serialNumber: string): string {
  return serialNumber.toUpperCase().padStart(16, '0');
}

/** An Offline-type KSeF certificate valid now (Authentication-type ones must not sign KOD II, §14). */
export function isUsableOfflineCertificate(entry: CertificateEntry): boolean {
  return entry.ksefCertificateType === 'Offline' && (entry.status === 'valid' || entry.status === 'expiring');
}

/**
 * The certificate to sign KOD II for a seller: an Offline-type KSeF certificate that is valid now, issued
 * for that NIP, or else for a person (no NIP: a sole trader's PESEL certificate). Authentication-type
 * certificates must not be used (§14). The longest-valid one wins.
 */
export function pickOfflineCertificate(entries: readonly CertificateEntry[], sellerNip: string): CertificateEntry | null {
  const usable = entries.filter(isUsableOfflineCertificate);
  const byValidity = (a: CertificateEntry, b: CertificateEntry) => b.notAfter.localeCompare(a.notAfter);
  const forNip = usable.filter((entry) => entry.nip === sellerNip).sort(byValidity);
  const personal = usable.filter((entry) => entry.nip === undefined).sort(byValidity);
  return forNip[0] ?? personal[0] ?? null;
}

export async function offlineSignerFor(source: OfflineCertificateSource, sellerNip: string): Promise<Kod2Signer | null> {
  const entry = pickOfflineCertificate(await source.list(), sellerNip);
  if (!entry) return null;
  return {
    certificateSerial: kod2Serial(entry.serialNumber),
    certificateId: entry.id,
    sign: (data) => source.withPrivateKey(entry.id, async (key) => kod2SignerFor(key)(data)),
  };
}
