import { randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../server/clock';

export const ISSUER = 'ksef-api-sandbox';
const ALG = 'ES256';

export const AUTH_TOKEN_LIFETIME_MS = 45 * 60_000;
export const ACCESS_TOKEN_LIFETIME_MS = 15 * 60_000;
export const REFRESH_TOKEN_LIFETIME_MS = 7 * 24 * 3600_000;

export type TokenType = 'OperationToken' | 'ContextToken' | 'RefreshToken';

/** Claims we put in tokens; names follow the spec's example payloads (kebab-case). */
export interface SandboxClaims {
  'token-type': TokenType;
  'operation-reference-number': string;
  'context-identifier-type'?: string;
  'context-identifier-value'?: string;
  'authentication-method'?: string;
  'subject-details'?: string;
  permissions?: string[];
  'ip-policy'?: string;
}

export type VerifiedToken = SandboxClaims & { exp: number; iat: number; jti: string };

export class JwtService {
  constructor(
    private readonly signingKey: KeyObject,
    private readonly verifyKey: KeyObject,
    private readonly clock: Clock,
  ) {}

  /** Signs a token valid for `lifetimeMs` from the sandbox clock; returns the JWT, its expiry and id. */
  async sign(claims: SandboxClaims, lifetimeMs: number, jti: string = randomUUID()): Promise<{ token: string; validUntil: Date; jti: string }> {
    const now = this.clock.now().getTime();
    // JWT times are whole seconds; validUntil reports exactly the exp we sign.
    const validUntil = new Date(Math.floor((now + lifetimeMs) / 1000) * 1000);
    const token = await new SignJWT({ ...claims } as JWTPayload)
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(validUntil.getTime() / 1000))
      .setJti(jti)
      .sign(this.signingKey);
    return { token, validUntil, jti };
  }

  /** Verifies signature, issuer, expiry (against the sandbox clock) and token type; undefined when any fails. */
  async verify(token: string, expectedType: TokenType): Promise<VerifiedToken | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.verifyKey, {
        issuer: ISSUER,
        audience: ISSUER,
        algorithms: [ALG],
        currentDate: this.clock.now(),
      });
      if (payload['token-type'] !== expectedType || typeof payload['operation-reference-number'] !== 'string') return undefined;
      return payload as unknown as VerifiedToken;
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return undefined;
      throw error;
    }
  }
}
