import path from 'node:path';
import type { KsefEnvironment } from '../../../shared/domain/environments';
import type { EventBus } from '../../ipc/handlers';
import { AuthService } from '../auth-session/auth-service';
import { KsefConnections, type KsefClientFactory } from '../auth-session/ksef-connection';
import { SavedTokenStore } from '../auth-session/saved-token-store';
import { CertificateVault, type KeyProtector } from '../certificates';
import { CompanyStore } from '../companies/company-store';
import { EnrollmentService } from '../ksef-account/enrollment-service';
import { KsefCertificatesService } from '../ksef-account/ksef-certificates-service';
import { PermissionsService } from '../ksef-account/permissions-service';
import { TokensService } from '../ksef-account/tokens-service';
import { CertificateService } from '../vault-access/certificate-service';
import { VaultAccess } from '../vault-access/vault-access';

export interface AccountServicesDeps {
  profileDir: string;
  events: EventBus;
  environment: () => KsefEnvironment;
  apiBaseUrl: (environment: KsefEnvironment) => Promise<string | null>;
  /** Electron: safeStorage; elsewhere absent, so keys are protected by a passphrase. */
  osKeyProtector?: KeyProtector | null;
  ksefClientFactory?: KsefClientFactory;
  clock?: { now(): Date };
}

export interface AccountServices {
  vaultAccess: VaultAccess;
  certificates: CertificateService;
  companies: CompanyStore;
  savedTokens: SavedTokenStore;
  auth: AuthService;
  tokens: TokensService;
  permissions: PermissionsService;
  enrollment: EnrollmentService;
  ksefCertificates: KsefCertificatesService;
  /** The KSeF clients (one scheduler per environment) the session's calls go through; feature services share them. */
  connections: KsefConnections;
}

/** Everything behind "signing in to KSeF": key store, certificates, companies, session, tokens, permissions. */
export function createAccountServices(deps: AccountServicesDeps): AccountServices {
  const clock = deps.clock ?? { now: () => new Date() };
  const { events } = deps;
  const vaultAccess = new VaultAccess({
    profileDir: deps.profileDir,
    osKeyProtector: deps.osKeyProtector ?? null,
    clock,
    onChange: (status) => events.publish('vault:changed', status),
  });
  const vault = new CertificateVault({ dir: path.join(deps.profileDir, 'certificates'), keyProtector: vaultAccess.protector, clock });
  const certificates = new CertificateService({ vault, access: vaultAccess, clock, onChange: () => events.publish('certificates:changed', {}) });
  const companies = new CompanyStore(deps.profileDir, clock, (state) => events.publish('companies:changed', state));
  const savedTokens = new SavedTokenStore(deps.profileDir, vaultAccess.protector, clock);
  const connections = new KsefConnections(deps.apiBaseUrl, deps.ksefClientFactory);
  const auth = new AuthService({
    certificates,
    companies,
    savedTokens,
    connections,
    environment: deps.environment,
    clock,
    onChange: (status) => events.publish('auth:changed', status),
    vaultLocked: () => !vaultAccess.protector.isUnlocked,
  });
  const tokens = new TokensService({ auth, savedTokens, environment: deps.environment, onChange: () => events.publish('tokens:changed', {}) });
  const permissions = new PermissionsService(auth, () => events.publish('permissions:changed', {}));
  const enrollment = new EnrollmentService({ auth, certificates, clock, onProgress: (progress) => events.publish('certificates:enrollmentProgress', progress) });
  const ksefCertificates = new KsefCertificatesService({ auth, certificates, onChange: () => events.publish('certificates:changed', {}) });
  return { vaultAccess, certificates, companies, savedTokens, auth, tokens, permissions, enrollment, ksefCertificates, connections };
}
