import { z } from 'zod';
import type { KsefEnvironment } from '../../domain/environments';
import { defineChannel, defineEvent } from '../define';
import { entityIdSchema, nipSchema, noInput } from './limits';

export type SubjectIdentifierKind = 'Nip' | 'Pesel' | 'Fingerprint';

/** The KSeF session main holds; tokens never leave main. */
export interface SignedInSession {
  contextNip: string;
  companyName?: string;
  method: 'certificate' | 'token';
  /** Owner of the certificate, or the token's description. */
  who: string;
  identifier?: { type: SubjectIdentifierKind; value: string };
  certificateId?: string;
  savedTokenId?: string;
  referenceNumber: string;
  signedInAt: string;
}

export interface AuthStatus {
  environment: KsefEnvironment;
  session: SignedInSession | null;
}

export const signInMethodSchema = z.discriminatedUnion('kind', [
  /** Without an id: the default certificate for the NIP (or for any context). */
  z.object({ kind: z.literal('certificate'), certificateId: entityIdSchema.optional() }).strict(),
  z.object({ kind: z.literal('token'), savedTokenId: entityIdSchema }).strict(),
]);

export const authChannels = {
  'auth:status': defineChannel(noInput).returns<AuthStatus>(),
  'auth:login': defineChannel(z.object({ nip: nipSchema, method: signInMethodSchema }).strict()).returns<AuthStatus>(),
  'auth:logout': defineChannel(noInput).returns<AuthStatus>(),
} as const;

export const authEvents = {
  'auth:changed': defineEvent<AuthStatus>(),
} as const;
