import { z } from 'zod';
import { defineChannel } from '../define';
import type { KsefCertificateType } from './certificates';
import { noInput, type Done } from './limits';

export const KSEF_CERTIFICATE_STATUSES = ['Active', 'Blocked', 'Revoked', 'Expired'] as const;
/** KSeF's status of a certificate it issued; `Blocked` is the short step before `Revoked` (spec). */
export type KsefCertificateStatus = (typeof KSEF_CERTIFICATE_STATUSES)[number];
export const REVOCATION_REASONS = ['Unspecified', 'Superseded', 'KeyCompromise'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** One KSeF certificate of the signed-in identity, as KSeF lists it (PROTOCOL §11.7). */
export interface KsefCertificateInfo {
  /** 16 uppercase hex digits, the X.509 serial number. */
  serialNumber: string;
  name: string;
  type: KsefCertificateType;
  status: KsefCertificateStatus;
  commonName: string;
  validFrom: string;
  validTo: string;
  requestDate: string;
  lastUseAt?: string;
  /** The entry of this computer's certificate list that holds this certificate and its key, if any. */
  localCertificateId?: string;
}

export interface KsefCertificateList {
  certificates: KsefCertificateInfo[];
  /** More than the app pages through in one go (newest first are shown); narrow with the status filter. */
  truncated: boolean;
}

export interface KsefCertificateLimits {
  /** Whether KSeF accepts another certificate request now. */
  canRequest: boolean;
  /** Certificate requests (enrollments) left / allowed. */
  enrollment: { remaining: number; limit: number };
  /** Active certificates: free slots / allowed. */
  certificate: { remaining: number; limit: number };
}

/** KSeF's serial format is `^[0-9A-F]{16}$`; lower case typed in the CLI is accepted and upper-cased. */
const serialNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Fa-f]{16}$/)
  .transform((value) => value.toUpperCase());

export const ksefCertificateChannels = {
  /** KSeF certificates of the signed-in identity (all pages up to a cap); also syncs revocations into the local list. */
  'ksefCertificates:list': defineChannel(z.object({ status: z.enum(KSEF_CERTIFICATE_STATUSES).optional() }).strict()).returns<KsefCertificateList>(),
  /** Revokes at once; needs a certificate sign-in (KSeF refuses it after a token sign-in). Emits certificates:changed. */
  'ksefCertificates:revoke': defineChannel(
    z.object({ serialNumber: serialNumberSchema, reason: z.enum(REVOCATION_REASONS).optional() }).strict(),
  ).returns<Done>(),
  'ksefCertificates:limits': defineChannel(noInput).returns<KsefCertificateLimits>(),
} as const;
