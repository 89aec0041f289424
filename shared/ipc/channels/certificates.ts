import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';
import {
  entityIdSchema,
  labelSchema,
  MAX_CERTIFICATE_FILE_BASE64,
  MAX_PASSWORD_LENGTH,
  nipSchema,
  noInput,
  peselSchema,
  personNameSchema,
  type Changed,
  type Done,
} from './limits';

export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'notYetValid' | 'revoked';
export type CertificateWarning = 'NO_POLISH_IDENTIFIER' | 'INVALID_IDENTIFIER_CHECKSUM' | 'EXPIRING_SOON' | 'OFFLINE_ONLY';
export type KsefCertificateType = 'Authentication' | 'Offline';
export type CertificateKeyAlgorithm = 'ec' | 'rsa';
/** Why KSeF would refuse a certificate's key: RSA under 2048 bits, an EC curve it does not take, another key type. */
export type CertificateKeyProblem = 'RSA_KEY_TOO_SHORT' | 'EC_CURVE_NOT_ACCEPTED' | 'KEY_TYPE_NOT_ACCEPTED';

/** Public facts of a certificate, as the UI shows them: never key bytes. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  ownerName: string;
  nip?: string;
  pesel?: string;
  /** Hex, uppercase; for a KSeF certificate the serial KSeF lists it under. */
  serialNumber: string;
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  status: CertificateStatus;
  canSignIn: boolean;
  /** Present when KSeF's key rules make sign-in impossible (then `canSignIn` is false). */
  keyProblem?: CertificateKeyProblem;
}

/** What the import wizard shows after reading a file. */
export interface CertificateSummary extends CertificateFacts {
  fileName: string;
  format: string;
  selfSigned: boolean;
  ksefCertificateType: KsefCertificateType | null;
  warnings: CertificateWarning[];
}

/** One stored certificate as the UI lists it. */
export interface CertificateEntry extends CertificateFacts {
  id: string;
  label: string;
  /** When KSeF revoked it (status `revoked`). */
  revokedAt?: string;
  source: 'imported' | 'test' | 'ksef';
  ksefCertificateType?: KsefCertificateType;
  /** Context NIPs (or `*`) for which this is the default sign-in certificate. */
  defaultFor: string[];
  createdAt: string;
}

export interface CertificateDraft {
  draftId: string;
  summary: CertificateSummary;
}

/** Stages of KSeF certificate enrollment, pushed as events so the UI can show progress. */
export type EnrollmentStage = 'preparing' | 'submitted' | 'waiting' | 'retrieving' | 'done' | 'failed';

export interface EnrollmentProgress {
  stage: EnrollmentStage;
  referenceNumber?: string;
}

const testPersonSubject = z
  .object({
    kind: z.literal('person'),
    nip: nipSchema.optional(),
    pesel: peselSchema.optional(),
    givenName: personNameSchema,
    surname: personNameSchema,
  })
  .strict()
  .refine((value) => value.nip !== undefined || value.pesel !== undefined, { message: 'NIP or PESEL required' });

const testSealSubject = z.object({ kind: z.literal('seal'), nip: nipSchema, organizationName: personNameSchema }).strict();

export const certificateChannels = {
  'certificates:list': defineChannel(noInput).returns<CertificateEntry[]>(),
  /** Wizard step 2: read the file (Base64, ≤1 MiB) with its password; the key stays in main as a draft. */
  'certificates:inspectFile': defineChannel(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z.string().min(1).max(MAX_CERTIFICATE_FILE_BASE64).regex(/^[A-Za-z0-9+/=\s]*$/),
        password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
      })
      .strict(),
  ).returns<CertificateDraft>(),
  'certificates:commit': defineChannel(
    z.object({ draftId: entityIdSchema, label: labelSchema, defaultForNip: nipSchema.optional() }).strict(),
  ).returns<CertificateEntry>(),
  'certificates:discard': defineChannel(z.object({ draftId: entityIdSchema }).strict()).returns<Done>(),
  'certificates:remove': defineChannel(z.object({ id: entityIdSchema }).strict()).returns<Done>(),
  'certificates:setDefault': defineChannel(z.object({ id: entityIdSchema, nip: nipSchema.optional() }).strict()).returns<Done>(),
  /** Self-signed test certificate; refused in demo and production. */
  'certificates:createTest': defineChannel(
    z
      .object({
        subject: z.union([testPersonSubject, testSealSubject]),
        keyAlgorithm: z.enum(['ec', 'rsa']).default('ec'),
        label: labelSchema.optional(),
        defaultForNip: nipSchema.optional(),
      })
      .strict(),
  ).returns<CertificateEntry>(),
  /** KSeF certificate from the current session's identity (needs a certificate sign-in). */
  'certificates:enroll': defineChannel(
    z
      .object({
        certificateType: z.enum(['Authentication', 'Offline']),
        keyAlgorithm: z.enum(['ec', 'rsa']).default('ec'),
        label: labelSchema.optional(),
      })
      .strict(),
  ).returns<CertificateEntry>(),
} as const;

export const certificateEvents = {
  'certificates:changed': defineEvent<Changed>(),
  'certificates:enrollmentProgress': defineEvent<EnrollmentProgress>(),
} as const;
