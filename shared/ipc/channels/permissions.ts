import { z } from 'zod';
import { defineChannel, defineEvent } from '../define';
import type { SubjectIdentifierKind } from './auth';
import { nipSchema, noInput, peselSchema, type Changed } from './limits';

export const GRANTABLE_PERMISSIONS = ['InvoiceRead', 'InvoiceWrite'] as const;
export type GrantablePermission = (typeof GRANTABLE_PERMISSIONS)[number];

/** A permission granted to a person in the signed-in context. */
export interface PermissionGrant {
  id: string;
  subject: { type: SubjectIdentifierKind; value: string };
  permission: string;
  description: string;
  grantedAt?: string;
  canBeRevoked: boolean;
}

export interface GrantResult {
  referenceNumber: string;
  /** 'done' once KSeF confirmed the grant; 'pending' if it was still being processed when we stopped waiting. */
  state: 'done' | 'pending';
}

export const grantSubjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Nip'), value: nipSchema }).strict(),
  z.object({ type: z.literal('Pesel'), value: peselSchema }).strict(),
  z.object({ type: z.literal('Fingerprint'), value: z.string().trim().regex(/^[0-9A-Fa-f]{64}$/).transform((value) => value.toUpperCase()) }).strict(),
]);

export const permissionChannels = {
  'permissions:list': defineChannel(noInput).returns<PermissionGrant[]>(),
  'permissions:grant': defineChannel(
    z
      .object({
        subject: grantSubjectSchema,
        permissions: z.array(z.enum(GRANTABLE_PERMISSIONS)).min(1).max(2),
        // KSeF's limits for subjectDetails names.
        firstName: z.string().trim().min(2).max(30),
        lastName: z.string().trim().min(2).max(81),
        /** For a fingerprint: the person's PESEL or NIP, which KSeF wants beside the name. */
        fingerprintOwner: z.union([z.object({ type: z.literal('Pesel'), value: peselSchema }), z.object({ type: z.literal('Nip'), value: nipSchema })]).optional(),
        description: z.string().trim().min(5).max(256).optional(),
      })
      .strict(),
  ).returns<GrantResult>(),
  'permissions:revoke': defineChannel(z.object({ permissionId: z.string().trim().min(1).max(100).regex(/^[\w-]+$/) }).strict()).returns<GrantResult>(),
} as const;

export const permissionEvents = {
  'permissions:changed': defineEvent<Changed>(),
} as const;
