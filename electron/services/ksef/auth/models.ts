import { z } from 'zod';

/** Context the session acts in (PROTOCOL §4.1). PeppolId logins are out of scope for this app. */
export type KsefContextIdentifier =
  | { type: 'Nip'; value: string }
  | { type: 'InternalId'; value: string }
  | { type: 'NipVatUe'; value: string };

export const tokenInfoSchema = z.object({ token: z.string().min(1), validUntil: z.string() });

export const challengeSchema = z.object({
  challenge: z.string().min(1),
  timestamp: z.string(),
  timestampMs: z.number().int(),
  clientIp: z.string().nullish(),
});

export const authInitSchema = z.object({
  referenceNumber: z.string().min(1),
  authenticationToken: tokenInfoSchema,
});

export const statusInfoSchema = z.object({
  code: z.number().int(),
  description: z.string(),
  details: z.array(z.string()).nullish(),
});

const authMethodInfoSchema = z.object({ category: z.string(), code: z.string(), displayName: z.string() });

export const authStatusSchema = z.object({
  startDate: z.string(),
  authenticationMethod: z.string().nullish(),
  authenticationMethodInfo: authMethodInfoSchema.nullish(),
  status: statusInfoSchema,
  isTokenRedeemed: z.boolean().nullish(),
  lastTokenRefreshDate: z.string().nullish(),
  refreshTokenValidUntil: z.string().nullish(),
});

export const redeemSchema = z.object({ accessToken: tokenInfoSchema, refreshToken: tokenInfoSchema });
export const refreshSchema = z.object({ accessToken: tokenInfoSchema });

export const authSessionListSchema = z.object({
  continuationToken: z.string().nullish(),
  items: z.array(
    authStatusSchema.extend({
      referenceNumber: z.string(),
      isCurrent: z.boolean().nullish(),
    }),
  ),
});

export type AuthStatus = z.infer<typeof authStatusSchema>;
export type AuthSessionList = z.infer<typeof authSessionListSchema>;
export type AuthSessionListItem = AuthSessionList['items'][number];
