import type { z } from 'zod';
import { KsefApiError, KsefSessionExpiredError } from '../http/errors';
import { parseJsonResponse, pathParam, type KsefRequest, type KsefResponse, type KsefTransport } from '../http/transport';
import { parseKsefDateTime, systemTime, type KsefTime } from '../time';
import { authSessionListSchema, refreshSchema, type AuthSessionList, type KsefContextIdentifier } from './models';

/** Everything needed to resume a session later (secrets: keep it in the vault, never in logs). */
export interface KsefSessionState {
  context: KsefContextIdentifier;
  /** Reference number of the authentication operation (= the auth session). */
  authReferenceNumber: string;
  accessToken: string;
  accessTokenValidUntil: Date;
  refreshToken: string;
  refreshTokenValidUntil: Date;
}

export interface KsefSessionOptions {
  time?: KsefTime;
  /** Refresh this long before the access token expires; default 60 s. */
  refreshMarginMs?: number;
}

/** A request on behalf of the session: bearer and rate-limit scope are filled in. */
export type SessionRequest = Omit<KsefRequest, 'bearer' | 'scope'>;

const TOKENS_ALREADY_USED = 21301;

/**
 * An authenticated KSeF session: holds access/refresh tokens, refreshes shortly before expiry and
 * once after a 401, and offers the auth-session endpoints.
 */
export class KsefSession {
  private state: KsefSessionState;
  private refreshing: Promise<void> | undefined;
  private closed = false;
  private readonly time: KsefTime;
  private readonly refreshMarginMs: number;

  constructor(
    private readonly transport: KsefTransport,
    state: KsefSessionState,
    options: KsefSessionOptions = {},
  ) {
    this.state = { ...state };
    this.time = options.time ?? systemTime;
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
  }

  get context(): KsefContextIdentifier {
    return this.state.context;
  }

  get authReferenceNumber(): string {
    return this.state.authReferenceNumber;
  }

  /** Rate-limit scope: KSeF counts protected calls per (context, IP). */
  get rateLimitScope(): string {
    return `${this.state.context.type}:${this.state.context.value}`;
  }

  snapshot(): KsefSessionState {
    return { ...this.state };
  }

  /** A valid access token, refreshed first when it expires within the margin. */
  async accessToken(): Promise<string> {
    this.assertOpen();
    if (this.state.accessTokenValidUntil.getTime() - this.time.now() <= this.refreshMarginMs) await this.refresh();
    return this.state.accessToken;
  }

  /** POST /auth/token/refresh; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.assertOpen();
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Sends with the access token; a 401 triggers one refresh and one repeat (KSeF did nothing on 401). */
  async request(request: SessionRequest): Promise<KsefResponse> {
    const send = async () => this.transport.send({ ...request, bearer: await this.accessToken(), scope: this.rateLimitScope });
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof KsefApiError) || error.httpStatus !== 401) throw error;
      await this.refresh();
      return send();
    }
  }

  async requestJson<T>(request: SessionRequest, schema: z.ZodType<T>): Promise<T> {
    return parseJsonResponse(await this.request(request), schema, `${request.method} ${request.template}`);
  }

  /** DELETE /auth/sessions/current: kills the refresh token; issued access tokens live until exp. */
  async logout(): Promise<void> {
    if (this.closed) return;
    const now = this.time.now();
    // The endpoint takes an access or a refresh token; use whichever is still valid.
    const bearer = this.state.accessTokenValidUntil.getTime() > now ? this.state.accessToken : this.state.refreshToken;
    try {
      await this.transport.send({ method: 'DELETE', path: '/auth/sessions/current', template: '/auth/sessions/current', bearer, scope: this.rateLimitScope });
    } catch (error) {
      // 401: KSeF no longer knows these tokens, which is what logging out wants anyway.
      if (!(error instanceof KsefApiError && error.httpStatus === 401)) throw error;
    }
    this.closed = true;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** GET /auth/sessions: one page of active authentication sessions of this context. */
  listAuthSessions(page: { pageSize?: number; continuationToken?: string } = {}): Promise<AuthSessionList> {
    return this.requestJson(
      {
        method: 'GET',
        path: '/auth/sessions',
        template: '/auth/sessions',
        query: { pageSize: page.pageSize },
        ...(page.continuationToken ? { headers: { 'x-continuation-token': page.continuationToken } } : {}),
      },
      authSessionListSchema,
    );
  }

  /** DELETE /auth/sessions/{ref}. */
  async revokeAuthSession(referenceNumber: string): Promise<void> {
    await this.request({ method: 'DELETE', path: `/auth/sessions/${pathParam(referenceNumber)}`, template: '/auth/sessions/{referenceNumber}' });
  }

  private async doRefresh(): Promise<void> {
    if (this.state.refreshTokenValidUntil.getTime() <= this.time.now()) {
      throw new KsefSessionExpiredError('The refresh token has expired; sign in again.');
    }
    let refreshed;
    try {
      refreshed = await this.transport.sendJson(
        { method: 'POST', path: '/auth/token/refresh', template: '/auth/token/refresh', bearer: this.state.refreshToken },
        refreshSchema,
      );
    } catch (error) {
      // 401 = refresh token invalid/expired; 21301 = session revoked or status forbids refreshing.
      if (error instanceof KsefApiError && (error.httpStatus === 401 || error.hasCode(TOKENS_ALREADY_USED))) {
        throw new KsefSessionExpiredError('KSeF refused to refresh the session; sign in again.', error);
      }
      throw error;
    }
    this.state = {
      ...this.state,
      accessToken: refreshed.accessToken.token,
      accessTokenValidUntil: parseKsefDateTime(refreshed.accessToken.validUntil),
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new KsefSessionExpiredError('The session was logged out.');
  }
}
