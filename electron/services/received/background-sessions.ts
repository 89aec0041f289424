/**
 * KSeF sessions for scheduled syncs of companies other than the one the user is signed in to: each uses the
 * company's default certificate from the key store (only while the key store is unlocked), never a UI session.
 */
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { KsefConnections } from '../auth-session/ksef-connection';
import type { KsefSession } from '../ksef/auth/session';
import type { CertificateService } from '../vault-access/certificate-service';

export interface CompanySession {
  session: KsefSession;
  environment: KsefEnvironment;
}

export class BackgroundSessions {
  private readonly sessions = new Map<string, CompanySession>();

  constructor(
    private readonly deps: {
      certificates: CertificateService;
      connections: KsefConnections;
      environment: () => KsefEnvironment;
      vaultUnlocked: () => boolean;
    },
  ) {}

  /** A live session in the company's context, or null when it has no usable default certificate now. */
  async forCompany(nip: string): Promise<CompanySession | null> {
    const environment = this.deps.environment();
    const cached = this.sessions.get(nip);
    if (cached && cached.environment === environment && !cached.session.isClosed) return cached;
    if (!this.deps.vaultUnlocked()) return null;
    let entry;
    try {
      entry = await this.deps.certificates.resolveForSignIn(nip, undefined);
    } catch {
      return null; // no default certificate for this company: it is synced when the user signs in to it
    }
    const client = await this.deps.connections.forEnvironment(environment);
    const session = await client.auth.loginWithCertificate({
      context: { type: 'Nip', value: nip },
      subjectIdentifierType: entry.nip || entry.pesel ? 'certificateSubject' : 'certificateFingerprint',
      signer: await this.deps.certificates.signerFor(entry.id),
    });
    const opened = { session, environment };
    this.sessions.set(nip, opened);
    return opened;
  }

  async close(): Promise<void> {
    const open = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(open.map(({ session }) => session.logout().catch(() => undefined)));
  }
}
