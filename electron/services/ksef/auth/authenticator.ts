import { buildAuthTokenRequestXml, type AllowedIps } from '../../signing/auth-token-request';
import { KsefAuthError, KsefOperationError } from '../http/errors';
import { pathParam, type KsefTransport } from '../http/transport';
import type { KsefPublicKeys } from '../public-keys';
import { parseKsefDateTime, systemTime, type KsefTime } from '../time';
import { authInitSchema, authStatusSchema, challengeSchema, redeemSchema, type AuthStatus, type KsefContextIdentifier } from './models';
import { pollUntil, type PollPolicy } from './poll';
import { KsefSession, type KsefSessionOptions } from './session';

/** Signs the AuthTokenRequest; the private key stays with whoever implements this (the vault). */
export interface XadesSigner {
  certificateDer: Buffer;
  sign(xml: string): Promise<string>;
}

export interface LoginWithCertificateInput {
  context: KsefContextIdentifier;
  subjectIdentifierType: 'certificateSubject' | 'certificateFingerprint';
  signer: XadesSigner;
  allowedIps?: AllowedIps;
  /** Force chain + OCSP/CRL checks on TEST (rejects self-signed certificates). */
  verifyCertificateChain?: boolean;
}

export interface LoginWithKsefTokenInput {
  context: KsefContextIdentifier;
  /** The KSeF token secret, as shown once at creation. */
  token: string;
  allowedIps?: AllowedIps;
}

export interface KsefAuthenticatorOptions {
  time?: KsefTime;
  poll?: Partial<PollPolicy>;
  session?: KsefSessionOptions;
}

// Qualified certificates stay at 100 until the OCSP/CRL answer arrives, so allow a few minutes.
const DEFAULT_POLL: PollPolicy = { initialDelayMs: 250, maxDelayMs: 3_000, timeoutMs: 180_000 };
const IN_PROGRESS = 100;
const SUCCESS = 200;

interface AuthInit {
  referenceNumber: string;
  authenticationToken: { token: string };
}

/** Signs in to KSeF: challenge → XAdES or KSeF token → wait for status 200 → redeem tokens. */
export class KsefAuthenticator {
  private readonly time: KsefTime;
  private readonly poll: PollPolicy;

  constructor(
    private readonly transport: KsefTransport,
    private readonly publicKeys: KsefPublicKeys,
    private readonly options: KsefAuthenticatorOptions = {},
  ) {
    this.time = options.time ?? systemTime;
    this.poll = { ...DEFAULT_POLL, ...options.poll };
  }

  async loginWithCertificate(input: LoginWithCertificateInput): Promise<KsefSession> {
    const challenge = await this.challenge();
    const unsigned = buildAuthTokenRequestXml({
      challenge: challenge.challenge,
      contextIdentifier: input.context,
      subjectIdentifierType: input.subjectIdentifierType,
      ...(input.allowedIps ? { allowedIps: input.allowedIps } : {}),
    });
    const signed = await input.signer.sign(unsigned);
    const init = await this.transport.sendJson(
      {
        method: 'POST',
        path: '/auth/xades-signature',
        template: '/auth/xades-signature',
        xml: signed,
        ...(input.verifyCertificateChain !== undefined ? { query: { verifyCertificateChain: input.verifyCertificateChain } } : {}),
      },
      authInitSchema,
    );
    return this.finish(init, input.context);
  }

  async loginWithKsefToken(input: LoginWithKsefTokenInput): Promise<KsefSession> {
    // A 21470 (rotated key) needs a new challenge too: the old one is spent once submitted.
    const init = await this.publicKeys.retryOnUnknownKey(async () => {
      const challenge = await this.challenge();
      const encrypted = await this.publicKeys.encrypt('KsefTokenEncryption', `${input.token}|${challenge.timestampMs}`);
      const policy = input.allowedIps
        ? {
            authorizationPolicy: {
              allowedIps: {
                ip4Addresses: [...(input.allowedIps.ip4Addresses ?? [])],
                ip4Ranges: [...(input.allowedIps.ip4Ranges ?? [])],
                ip4Masks: [...(input.allowedIps.ip4Masks ?? [])],
              },
            },
          }
        : {};
      return this.transport.sendJson(
        {
          method: 'POST',
          path: '/auth/ksef-token',
          template: '/auth/ksef-token',
          json: { challenge: challenge.challenge, contextIdentifier: input.context, encryptedToken: encrypted.encrypted, publicKeyId: encrypted.publicKeyId, ...policy },
        },
        authInitSchema,
      );
    });
    return this.finish(init, input.context);
  }

  /** GET /auth/{ref} once; for callers that show progress themselves. */
  status(referenceNumber: string, authenticationToken: string): Promise<AuthStatus> {
    return this.transport.sendJson(
      { method: 'GET', path: `/auth/${pathParam(referenceNumber)}`, template: '/auth/{referenceNumber}', bearer: authenticationToken },
      authStatusSchema,
    );
  }

  private challenge() {
    return this.transport.sendJson({ method: 'POST', path: '/auth/challenge', template: '/auth/challenge' }, challengeSchema);
  }

  private async finish(init: AuthInit, context: KsefContextIdentifier): Promise<KsefSession> {
    const operationToken = init.authenticationToken.token;
    const outcome = await pollUntil(this.time, this.poll, async () => {
      const status = await this.status(init.referenceNumber, operationToken);
      return { done: status.status.code !== IN_PROGRESS, value: status };
    });
    const { code, description, details } = outcome.value.status;
    if (code === IN_PROGRESS) throw new KsefOperationError('authentication', init.referenceNumber, code, description, details ?? []);
    if (code !== SUCCESS) throw new KsefAuthError(code, description, details ?? [], init.referenceNumber);

    const tokens = await this.transport.sendJson(
      { method: 'POST', path: '/auth/token/redeem', template: '/auth/token/redeem', bearer: operationToken },
      redeemSchema,
    );
    return new KsefSession(
      this.transport,
      {
        context,
        authReferenceNumber: init.referenceNumber,
        accessToken: tokens.accessToken.token,
        accessTokenValidUntil: parseKsefDateTime(tokens.accessToken.validUntil),
        refreshToken: tokens.refreshToken.token,
        refreshTokenValidUntil: parseKsefDateTime(tokens.refreshToken.validUntil),
      },
      { time: this.time, ...this.options.session },
    );
  }
}
