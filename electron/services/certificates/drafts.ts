import { randomUUID } from 'node:crypto';
import { VaultError } from './errors';

export const DRAFT_LIFETIME_MS = 10 * 60 * 1000;

/** Key material between "inspect" and "commit" in the import wizard; memory only. */
export interface Draft<Summary> {
  id: string;
  certificateDer: Buffer;
  chainDer: Buffer[];
  /** Unencrypted PKCS#8 DER; zeroed when the draft is discarded, expires or is committed. */
  privateKeyPkcs8Der: Buffer;
  summary: Summary;
  expiresAt: number;
}

const REMEMBERED_EXPIRED_IDS = 100;

export class DraftRegistry<Summary> {
  private readonly drafts = new Map<string, Draft<Summary>>();
  /** So a late commit says "expired" rather than "not found", whoever purged the draft first. */
  private readonly expiredIds: string[] = [];

  constructor(private readonly now: () => Date) {}

  add(contents: Omit<Draft<Summary>, 'id' | 'expiresAt'>): Draft<Summary> {
    this.purgeExpired();
    const draft: Draft<Summary> = { ...contents, id: randomUUID(), expiresAt: this.now().getTime() + DRAFT_LIFETIME_MS };
    this.drafts.set(draft.id, draft);
    return draft;
  }

  /** The live draft; an expired one is wiped on the spot and reported as DRAFT_EXPIRED. */
  get(id: string): Draft<Summary> {
    const draft = this.drafts.get(id);
    if (draft === undefined || this.isExpired(draft)) {
      this.purgeExpired();
      if (!this.expiredIds.includes(id)) throw new VaultError('DRAFT_NOT_FOUND', 'No such import draft.');
      throw new VaultError('DRAFT_EXPIRED', 'The import draft expired; select the file again.');
    }
    return draft;
  }

  discard(id: string): void {
    const draft = this.drafts.get(id);
    if (draft === undefined) return;
    draft.privateKeyPkcs8Der.fill(0);
    this.drafts.delete(id);
  }

  purgeExpired(): void {
    for (const draft of [...this.drafts.values()]) {
      if (!this.isExpired(draft)) continue;
      this.discard(draft.id);
      this.expiredIds.push(draft.id);
      if (this.expiredIds.length > REMEMBERED_EXPIRED_IDS) this.expiredIds.shift();
    }
  }

  discardAll(): void {
    for (const id of [...this.drafts.keys()]) this.discard(id);
  }

  get size(): number {
    return this.drafts.size;
  }

  private isExpired(draft: Draft<Summary>): boolean {
    return this.now().getTime() >= draft.expiresAt;
  }
}
