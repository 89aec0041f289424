import type { SubjectIdentifierKind } from '../../../shared/ipc/channels/auth';
import type { CreatedToken, KsefTokenInfo, SavedToken, TokenPermission } from '../../../shared/ipc/channels/tokens';
import type { AuthService } from '../auth-session/auth-service';
import { withKsefErrors } from '../auth-session/ksef-errors';
import type { SavedTokenStore } from '../auth-session/saved-token-store';
import type { KsefEnvironment } from '../../../shared/domain/environments';
import { KsefTokensApi } from '../ksef';

export interface TokensServiceDeps {
  auth: AuthService;
  savedTokens: SavedTokenStore;
  environment: () => KsefEnvironment;
  onChange?: () => void;
}

const SUBJECT_KINDS: readonly string[] = ['Nip', 'Pesel', 'Fingerprint'];

/** KSeF tokens of the signed-in context, and the ones this computer keeps for signing in. */
export class TokensService {
  constructor(private readonly deps: TokensServiceDeps) {}

  async list(): Promise<KsefTokenInfo[]> {
    const { session } = this.deps.auth.requireSession();
    const [remote, saved] = await Promise.all([withKsefErrors(() => new KsefTokensApi(session).list({ pageSize: 100 })), this.deps.savedTokens.list()]);
    return remote.tokens.map((token) => {
      const savedTokenId = saved.find((candidate) => candidate.referenceNumber === token.referenceNumber)?.id;
      return {
        referenceNumber: token.referenceNumber,
        description: token.description,
        permissions: token.requestedPermissions,
        status: token.status,
        createdAt: token.dateCreated,
        ...(token.lastUseDate ? { lastUseAt: token.lastUseDate } : {}),
        author: { type: (SUBJECT_KINDS.includes(token.authorIdentifier.type) ? token.authorIdentifier.type : 'Fingerprint') as SubjectIdentifierKind, value: token.authorIdentifier.value },
        ...(savedTokenId ? { savedTokenId } : {}),
      };
    });
  }

  /** Generates a token; the secret is returned once and, if asked, kept encrypted for signing in. */
  async create(description: string, permissions: TokenPermission[], save: boolean): Promise<CreatedToken> {
    const { session, info, environment } = this.deps.auth.requireSession();
    const generated = await withKsefErrors(() => new KsefTokensApi(session).generate({ description, permissions }));
    const saved = save
      ? await this.deps.savedTokens.add({ contextNip: info.contextNip, description, referenceNumber: generated.referenceNumber, environment }, generated.token)
      : undefined;
    this.deps.onChange?.();
    return { referenceNumber: generated.referenceNumber, token: generated.token, ...(saved ? { savedTokenId: saved.id } : {}) };
  }

  async revoke(referenceNumber: string): Promise<void> {
    const { session } = this.deps.auth.requireSession();
    await withKsefErrors(() => new KsefTokensApi(session).revoke(referenceNumber));
    await this.deps.savedTokens.removeByReference(referenceNumber);
    this.deps.onChange?.();
  }

  listSaved(): Promise<SavedToken[]> {
    return this.deps.savedTokens.list();
  }

  /** A token made elsewhere (e.g. the KSeF web app), kept for the current environment. */
  async save(nip: string, description: string, token: string): Promise<SavedToken> {
    const saved = await withKsefErrors(() => this.deps.savedTokens.add({ contextNip: nip, description, environment: this.deps.environment() }, token));
    this.deps.onChange?.();
    return saved;
  }

  async forget(id: string): Promise<void> {
    await this.deps.savedTokens.remove(id);
    this.deps.onChange?.();
  }
}
