import { z } from 'zod';
import type { KsefEnvironment } from '../../domain/environments';
import { defineChannel, defineEvent } from '../define';
import type { SubjectIdentifierKind } from './auth';
import { entityIdSchema, MAX_KSEF_TOKEN_LENGTH, nipSchema, noInput, referenceNumberSchema, type Done, type Changed } from './limits';

export const TOKEN_PERMISSIONS = [
  'InvoiceRead',
  'InvoiceWrite',
  'CredentialsRead',
  'CredentialsManage',
  'SubunitManage',
  'EnforcementOperations',
  'Introspection',
] as const;
export type TokenPermission = (typeof TOKEN_PERMISSIONS)[number];

/** A KSeF token as KSeF lists it for the signed-in context. */
export interface KsefTokenInfo {
  referenceNumber: string;
  description: string;
  permissions: string[];
  status: string;
  createdAt: string;
  lastUseAt?: string;
  author: { type: SubjectIdentifierKind; value: string };
  /** Whether this computer keeps the token's secret (encrypted), so it can sign in with it. */
  savedTokenId?: string;
}

/** A token whose secret this computer keeps encrypted, for "sign in with a token". */
export interface SavedToken {
  id: string;
  contextNip: string;
  description: string;
  referenceNumber?: string;
  environment: KsefEnvironment;
  savedAt: string;
}

export interface CreatedToken {
  referenceNumber: string;
  /** Shown exactly once; KSeF never shows it again. */
  token: string;
  savedTokenId?: string;
}

const description = z.string().trim().min(5).max(256);

export const tokenChannels = {
  'tokens:list': defineChannel(noInput).returns<KsefTokenInfo[]>(),
  'tokens:create': defineChannel(
    z
      .object({
        description,
        permissions: z.array(z.enum(TOKEN_PERMISSIONS)).min(1).max(TOKEN_PERMISSIONS.length),
        /** Keep the secret encrypted on this computer so it can sign in with it later. */
        save: z.boolean().default(true),
      })
      .strict(),
  ).returns<CreatedToken>(),
  'tokens:revoke': defineChannel(z.object({ referenceNumber: referenceNumberSchema }).strict()).returns<Done>(),
  'tokens:listSaved': defineChannel(noInput).returns<SavedToken[]>(),
  /** Keep a token generated elsewhere (e.g. in the KSeF web app) for signing in. */
  'tokens:save': defineChannel(
    z
      .object({ nip: nipSchema, description, token: z.string().trim().min(20).max(MAX_KSEF_TOKEN_LENGTH).regex(/^[\x21-\x7e]+$/) })
      .strict(),
  ).returns<SavedToken>(),
  'tokens:forget': defineChannel(z.object({ id: entityIdSchema }).strict()).returns<Done>(),
} as const;

export const tokenEvents = {
  'tokens:changed': defineEvent<Changed>(),
} as const;
