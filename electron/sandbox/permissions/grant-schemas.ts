import { z } from 'zod';
import { NIP_PATTERN, PESEL_PATTERN } from '../auth/schemas';
import type { PersonDetailsView } from './grant-store';

const FINGERPRINT_PATTERN = /^[0-9A-F]{64}$/;
const INTERNAL_ID_PATTERN = /^[1-9]((\d[1-9])|([1-9]\d))\d{7}-\d{5}$/;
const SUBJECT_PATTERNS = { Nip: NIP_PATTERN, Pesel: PESEL_PATTERN, Fingerprint: FINGERPRINT_PATTERN } as const;

export const PERSON_PERMISSIONS = ['CredentialsManage', 'CredentialsRead', 'InvoiceWrite', 'InvoiceRead', 'Introspection', 'SubunitManage', 'EnforcementOperations'] as const;
export const INVOICE_PERMISSIONS = ['InvoiceRead', 'InvoiceWrite'] as const;

const personSubjectSchema = z
  .object({ type: z.enum(['Nip', 'Pesel', 'Fingerprint']), value: z.string().min(10).max(64) })
  .refine((s) => SUBJECT_PATTERNS[s.type].test(s.value), { message: 'value does not match the identifier type', path: ['value'] });

const name = { firstName: z.string().min(2).max(30), lastName: z.string().min(2).max(81) };

const personDetailsSchema = z.object({
  subjectDetailsType: z.enum(['PersonByIdentifier', 'PersonByFingerprintWithIdentifier', 'PersonByFingerprintWithoutIdentifier']),
  personById: z.object(name).nullish(),
  personByFpWithId: z.object({ ...name, identifier: z.object({ type: z.enum(['Pesel', 'Nip']), value: z.string().min(10).max(11) }) }).nullish(),
  personByFpNoId: z
    .object({
      ...name,
      birthDate: z.string().date(),
      idDocument: z.object({ type: z.string().max(20), number: z.string().max(20), country: z.string().length(2) }),
    })
    .nullish(),
});

type PersonSubject = z.infer<typeof personSubjectSchema>;
type PersonDetailsInput = z.infer<typeof personDetailsSchema>;

/**
 * subjectDetails must fit the identifier (required since 2025-12-19): PersonByIdentifier for NIP/PESEL,
 * one of the fingerprint variants for Fingerprint, with the matching nested object present.
 */
function detailsFitSubject(subject: PersonSubject, details: PersonDetailsInput): boolean {
  switch (details.subjectDetailsType) {
    case 'PersonByIdentifier':
      return subject.type !== 'Fingerprint' && !!details.personById;
    case 'PersonByFingerprintWithIdentifier':
      return subject.type === 'Fingerprint' && !!details.personByFpWithId;
    case 'PersonByFingerprintWithoutIdentifier':
      return subject.type === 'Fingerprint' && !!details.personByFpNoId;
  }
}

const withFittingDetails = <T extends { subjectIdentifier: PersonSubject; subjectDetails: PersonDetailsInput }>(request: T) =>
  detailsFitSubject(request.subjectIdentifier, request.subjectDetails);
const detailsMessage = { message: 'subjectDetails does not match subjectIdentifier type', path: ['subjectDetails'] };

export const personGrantSchema = z
  .object({
    subjectIdentifier: personSubjectSchema,
    permissions: z.array(z.enum(PERSON_PERMISSIONS)).min(1),
    description: z.string().min(5).max(256),
    subjectDetails: personDetailsSchema,
  })
  .refine(withFittingDetails, detailsMessage);

export const entityGrantSchema = z.object({
  subjectIdentifier: z.object({ type: z.literal('Nip'), value: z.string().regex(NIP_PATTERN) }),
  permissions: z.array(z.object({ type: z.enum(INVOICE_PERMISSIONS), canDelegate: z.boolean().nullish() })).min(1),
  description: z.string().min(5).max(256),
  subjectDetails: z.object({ fullName: z.string().min(5).max(90) }),
});

const targetSchema = z
  .object({ type: z.enum(['Nip', 'AllPartners', 'InternalId']), value: z.string().min(10).max(16).nullish() })
  .refine((t) => (t.type === 'AllPartners' ? !t.value : t.type === 'Nip' ? NIP_PATTERN.test(t.value ?? '') : INTERNAL_ID_PATTERN.test(t.value ?? '')), {
    message: 'value does not match the target type',
    path: ['value'],
  });

export const indirectGrantSchema = z
  .object({
    subjectIdentifier: personSubjectSchema,
    targetIdentifier: targetSchema.nullish(),
    permissions: z.array(z.enum(INVOICE_PERMISSIONS)).min(1),
    description: z.string().min(5).max(256),
    subjectDetails: personDetailsSchema,
  })
  .refine(withFittingDetails, detailsMessage);

/** The request's subjectDetails in the flat shape the queries return. */
export function personDetailsView(details: PersonDetailsInput): PersonDetailsView {
  const base = details.personById ?? details.personByFpWithId ?? details.personByFpNoId;
  return {
    subjectDetailsType: details.subjectDetailsType,
    firstName: base?.firstName ?? '',
    lastName: base?.lastName ?? '',
    ...(details.personByFpWithId ? { personIdentifier: details.personByFpWithId.identifier } : {}),
    ...(details.personByFpNoId ? { birthDate: details.personByFpNoId.birthDate, idDocument: details.personByFpNoId.idDocument } : {}),
  };
}
