import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { AuthStatus, SignedInSession } from '../../../shared/ipc/channels/auth';
import type { CertificateEntry } from '../../../shared/ipc/channels/certificates';
import type { CompanyStore } from '../companies/company-store';
import { AppError } from '../errors/app-error';
import type { KsefSession } from '../ksef';
import { challengeSchema } from '../ksef/auth/models';
import { buildAuthTokenRequestXml } from '../signing/auth-token-request';
import type { CertificateService } from '../vault-access/certificate-service';
import { withKsefErrors } from './ksef-errors';
import type { KsefConnections } from './ksef-connection';
import type { SavedTokenStore } from './saved-token-store';

/** How to sign in. `tokenSecret` is for the CLI (`--token-file`), never reachable over IPC. */
export type SignInMethod =
  | { kind: 'certificate'; certificateId?: string }
  | { kind: 'token'; savedTokenId: string }
  | { kind: 'tokenSecret'; token: string; description?: string };

export interface AuthServiceDeps {
  certificates: CertificateService;
  companies: CompanyStore;
  savedTokens: SavedTokenStore;
  connections: KsefConnections;
  environment: () => KsefEnvironment;
  clock?: { now(): Date };
  onChange?: (status: AuthStatus) => void;
  vaultLocked?: () => boolean;
}

interface ActiveSession {
  environment: KsefEnvironment;
  session: KsefSession;
  info: SignedInSession;
}

/**
 * Keeps the one KSeF session of this process in main: signs in with a vault certificate (the key is
 * decrypted only while signing) or a KSeF token, in a company's NIP context and the current environment.
 */
export class AuthService {
  private active: ActiveSession | null = null;

  constructor(private readonly deps: AuthServiceDeps) {}

  status(): AuthStatus {
    const environment = this.deps.environment();
    const active = this.active?.environment === environment ? this.active : null;
    return { environment, session: active ? { ...active.info } : null };
  }

  async login(nip: string, method: SignInMethod): Promise<AuthStatus> {
    const environment = this.deps.environment();
    const client = await this.deps.connections.forEnvironment(environment);
    const context = { type: 'Nip' as const, value: nip };
    const company = await this.deps.companies.find(nip);
    const signedIn = await withKsefErrors(async () => {
      if (method.kind === 'certificate') {
        const entry = await this.deps.certificates.resolveForSignIn(nip, method.certificateId);
        const signer = await this.deps.certificates.signerFor(entry.id);
        const session = await client.auth.loginWithCertificate({ context, subjectIdentifierType: subjectIdentifierType(entry), signer });
        return { session, info: this.certificateInfo(entry, session, nip) };
      }
      if (method.kind === 'token') {
        const saved = await this.deps.savedTokens.get(method.savedTokenId);
        if (saved.environment !== environment) throw new AppError('NOT_AVAILABLE_IN_ENVIRONMENT', 'token saved for another environment', [saved.environment]);
        if (saved.contextNip !== nip) throw new AppError('KSEF_NO_PERMISSIONS', 'token belongs to another company', [saved.contextNip]);
        const session = await this.deps.savedTokens.withSecret(saved.id, (token) => client.auth.loginWithKsefToken({ context, token }));
        return { session, info: this.tokenInfo(saved.description, session, nip, saved.id) };
      }
      const session = await client.auth.loginWithKsefToken({ context, token: method.token });
      return { session, info: this.tokenInfo(method.description ?? 'KSeF token', session, nip) };
    }, this.deps.vaultLocked);
    await this.dropSession();
    this.active = { environment, session: signedIn.session, info: { ...signedIn.info, ...(company ? { companyName: company.name } : {}) } };
    return this.changed();
  }

  async logout(): Promise<AuthStatus> {
    await this.dropSession();
    return this.changed();
  }

  /** The environment changed: a session of the old one must not be used for the new one. */
  async environmentChanged(): Promise<void> {
    if (this.active && this.active.environment !== this.deps.environment()) await this.logout();
  }

  /** The live session for calls on behalf of the user; NOT_SIGNED_IN when there is none here. */
  requireSession(): { session: KsefSession; info: SignedInSession; environment: KsefEnvironment } {
    const active = this.active;
    if (!active || active.environment !== this.deps.environment() || active.session.isClosed) {
      throw new AppError('NOT_SIGNED_IN', 'not signed in to KSeF in this environment');
    }
    return { session: active.session, info: active.info, environment: active.environment };
  }

  /** A signed AuthTokenRequest with a fresh challenge, for `ksef-desk auth sign-request` (no login). */
  async signAuthTokenRequest(nip: string, certificateId: string): Promise<string> {
    const client = await this.deps.connections.forEnvironment(this.deps.environment());
    const entry = await this.deps.certificates.get(certificateId);
    return withKsefErrors(async () => {
      const { challenge } = await client.transport.sendJson(
        { method: 'POST', path: '/auth/challenge', template: '/auth/challenge' },
        challengeSchema,
      );
      const xml = buildAuthTokenRequestXml({ challenge, contextIdentifier: { type: 'Nip', value: nip }, subjectIdentifierType: subjectIdentifierType(entry) });
      return (await this.deps.certificates.signerFor(entry.id)).sign(xml);
    }, this.deps.vaultLocked);
  }

  private certificateInfo(entry: CertificateEntry, session: KsefSession, nip: string): SignedInSession {
    const identifier = entry.nip
      ? { type: 'Nip' as const, value: entry.nip }
      : entry.pesel
        ? { type: 'Pesel' as const, value: entry.pesel }
        : { type: 'Fingerprint' as const, value: entry.fingerprintSha256 };
    return { ...this.baseInfo(session, nip), method: 'certificate', who: entry.ownerName, identifier, certificateId: entry.id };
  }

  private tokenInfo(description: string, session: KsefSession, nip: string, savedTokenId?: string): SignedInSession {
    return { ...this.baseInfo(session, nip), method: 'token', who: description, ...(savedTokenId ? { savedTokenId } : {}) };
  }

  private baseInfo(session: KsefSession, nip: string) {
    return { contextNip: nip, referenceNumber: session.authReferenceNumber, signedInAt: (this.deps.clock?.now() ?? new Date()).toISOString() };
  }

  /** Best effort: a logout that fails (network) must not keep the user signed in locally. */
  private async dropSession(): Promise<void> {
    const previous = this.active;
    this.active = null;
    if (previous && !previous.session.isClosed) await previous.session.logout().catch(() => undefined);
  }

  private changed(): AuthStatus {
    const status = this.status();
    this.deps.onChange?.(status);
    return status;
  }
}

/** certificateSubject when the certificate names a NIP/PESEL, else its fingerprint (PROTOCOL §4.2). */
function subjectIdentifierType(entry: CertificateEntry): 'certificateSubject' | 'certificateFingerprint' {
  return entry.nip || entry.pesel ? 'certificateSubject' : 'certificateFingerprint';
}

