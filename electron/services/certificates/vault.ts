import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { DraftRegistry } from './drafts';
import { CredentialImportError, KeyProtectionError, VaultError } from './errors';
import { assertKeyMatchesCertificate, parseCredentialFile, parseCredentialPair, type CredentialFormat, type ParsedCredential } from './import';
import { inspectCertificate, type CertificateInspection, type KsefCertificateType } from './inspect';
import type { KeyProtector } from './key-protector';
import { enrollmentKeyProblem, type KsefKeyProblem } from './key-rules';
import { isValidNip } from './polish-identifiers';
import { inspectEntry, summarizeEntry, type CertificateSource, type VaultEntrySummary } from './vault-entries';
import { SerialQueue } from '../storage/serial-queue';
import {
  deleteKeyFile,
  ensurePrivateDirectory,
  keyFileName,
  readKeyFile,
  readMetadata,
  writeVaultFile,
  writeMetadata,
  type StoredEntry,
  type VaultMetadata,
} from './vault-store';

export type { CertificateSource, VaultEntryStatus, VaultEntrySummary } from './vault-entries';

export interface CertificateVaultDeps {
  dir: string;
  keyProtector: KeyProtector;
  clock: { now(): Date };
}

/** What the wizard shows between "select file" and "commit"; no key material. */
export interface ImportSummary extends CertificateInspection {
  fileName: string;
  format: CredentialFormat;
  chainLength: number;
}

export interface GeneratedCertificateMeta {
  label: string;
  source: 'test' | 'ksef';
  ksefCertificateType?: KsefCertificateType;
  defaultForNip?: string;
}

const GLOBAL_DEFAULT = '*';

function assertKeyAccepted(problem: KsefKeyProblem | null): void {
  if (problem !== null) throw new CredentialImportError('KEY_NOT_ACCEPTED', `KSeF does not accept this key: ${problem}.`, { cause: problem });
}

function validLabel(label: string): string {
  const trimmed = label.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw new VaultError('INVALID_LABEL', 'Labels have 1–100 characters.');
  return trimmed;
}

function validDefaultKey(nip: string | undefined): string {
  if (nip === undefined) return GLOBAL_DEFAULT;
  if (!isValidNip(nip)) throw new VaultError('INVALID_NIP', `${nip} is not a valid NIP.`);
  return nip;
}

export class CertificateVault {
  private readonly drafts: DraftRegistry<ImportSummary>;
  /** Serialises metadata read-modify-write cycles. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: CertificateVaultDeps) {
    this.drafts = new DraftRegistry(() => deps.clock.now());
  }

  /** Parses and inspects a credential file; keeps the key in memory for 10 minutes until committed. */
  async importDraft(bytes: Buffer, fileName: string, password?: string): Promise<{ draftId: string; summary: ImportSummary }> {
    return this.createDraft(parseCredentialFile(bytes, fileName, password), fileName);
  }

  /** Same as importDraft for a certificate and its key in separate files. */
  async importPairDraft(
    certificateBytes: Buffer,
    keyBytes: Buffer,
    password?: string,
    fileNames: { certificate?: string; key?: string } = {},
  ): Promise<{ draftId: string; summary: ImportSummary }> {
    return this.createDraft(parseCredentialPair(certificateBytes, keyBytes, password, fileNames), fileNames.certificate ?? 'certificate');
  }

  discardDraft(draftId: string): void {
    this.drafts.discard(draftId);
  }

  /** Wipes expired drafts; the lead may call this on a timer (every vault call does it too). */
  purgeExpiredDrafts(): void {
    this.drafts.purgeExpired();
  }

  async commitDraft(draftId: string, options: { label: string; defaultForNip?: string }): Promise<string> {
    this.drafts.purgeExpired();
    const draft = this.drafts.get(draftId);
    const label = validLabel(options.label);
    const defaultKey = options.defaultForNip === undefined ? undefined : validDefaultKey(options.defaultForNip);
    // Our own copy: the draft may expire (and be zeroed) while the key is being encrypted.
    const privateKeyPkcs8Der = Buffer.from(draft.privateKeyPkcs8Der);
    try {
      const id = await this.store({ certificateDer: draft.certificateDer, chainDer: draft.chainDer, privateKeyPkcs8Der, label, source: 'imported', defaultKey });
      this.drafts.discard(draftId);
      return id;
    } finally {
      privateKeyPkcs8Der.fill(0);
    }
  }

  /** Stores a key we created ourselves (test certificate, KSeF enrollment). The caller keeps and zeroes its buffer. */
  async addGenerated(certificateDer: Buffer, privateKeyPkcs8Der: Buffer, meta: GeneratedCertificateMeta): Promise<string> {
    const label = validLabel(meta.label);
    const defaultKey = meta.defaultForNip === undefined ? undefined : validDefaultKey(meta.defaultForNip);
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });
    } catch (error) {
      throw new CredentialImportError('CORRUPT_FILE', 'The generated private key is not PKCS#8 DER.', { cause: error });
    }
    assertKeyMatchesCertificate(privateKey, certificateDer);
    // Keys we create for KSeF (enrollment, test certificates) must meet the enrollment rule: RSA 2048 or P-256.
    assertKeyAccepted(enrollmentKeyProblem(privateKey));
    return this.store({
      certificateDer,
      chainDer: [],
      privateKeyPkcs8Der,
      label,
      source: meta.source,
      ksefCertificateType: meta.ksefCertificateType,
      defaultKey,
    });
  }

  async list(): Promise<VaultEntrySummary[]> {
    this.drafts.purgeExpired();
    const metadata = await readMetadata(this.deps.dir);
    const now = this.deps.clock.now();
    return metadata.entries.map((entry) => summarizeEntry(entry, metadata, now));
  }

  async remove(id: string): Promise<void> {
    await this.exclusive(async () => {
      const metadata = await readMetadata(this.deps.dir);
      this.findEntry(metadata, id);
      const defaults = Object.fromEntries(Object.entries(metadata.defaults).filter(([, entryId]) => entryId !== id));
      await writeMetadata(this.deps.dir, { ...metadata, entries: metadata.entries.filter((entry) => entry.id !== id), defaults });
      // After the metadata: a crash in between leaves an orphaned encrypted file, never an entry without a key.
      await deleteKeyFile(this.deps.dir, id);
    });
  }

  /** Makes the entry the default for a context NIP (default: the certificate's own NIP, else any context). */
  async setDefault(id: string, contextNip?: string): Promise<void> {
    await this.exclusive(async () => {
      const metadata = await readMetadata(this.deps.dir);
      const entry = this.findEntry(metadata, id);
      const key = validDefaultKey(contextNip ?? inspectEntry(entry, this.deps.clock.now()).nip);
      await writeMetadata(this.deps.dir, { ...metadata, defaults: { ...metadata.defaults, [key]: id } });
    });
  }

  /**
   * Records that KSeF revoked the entry's certificate (found by the app's revoke or by KSeF's list).
   * Revocation is final, so the first date stays; the entry then lists as `revoked` and cannot sign in.
   */
  async markRevoked(id: string, when: Date): Promise<void> {
    await this.exclusive(async () => {
      const metadata = await readMetadata(this.deps.dir);
      const entry = this.findEntry(metadata, id);
      if (entry.revokedAt !== undefined) return;
      const revoked: StoredEntry = { ...entry, revokedAt: when.toISOString() };
      // A revoked certificate can never sign in again, so it must not stay anyone's default.
      const defaults = Object.fromEntries(Object.entries(metadata.defaults).filter(([, entryId]) => entryId !== id));
      await writeMetadata(this.deps.dir, {
        ...metadata,
        entries: metadata.entries.map((candidate) => (candidate.id === id ? revoked : candidate)),
        defaults,
      });
    });
  }

  /** The default entry id for a context NIP, falling back to the any-context default. */
  async getDefault(contextNip?: string): Promise<string | undefined> {
    const metadata = await readMetadata(this.deps.dir);
    return (contextNip === undefined ? undefined : metadata.defaults[contextNip]) ?? metadata.defaults[GLOBAL_DEFAULT];
  }

  /** The public certificate of an entry (no key is decrypted). */
  async certificateDer(id: string): Promise<Buffer> {
    const entry = this.findEntry(await readMetadata(this.deps.dir), id);
    return Buffer.from(entry.certificateDerBase64, 'base64');
  }

  /** The only way to use a key: decrypted for the duration of `fn`, never handed out as bytes. */
  async withPrivateKey<T>(id: string, fn: (key: KeyObject, certificateDer: Buffer) => Promise<T>): Promise<T> {
    const metadata = await readMetadata(this.deps.dir);
    const entry = this.findEntry(metadata, id);
    if (entry.protection !== this.deps.keyProtector.kind) {
      throw new KeyProtectionError('KEY_PROTECTION_UNAVAILABLE', `Entry ${id} is protected by ${entry.protection}.`);
    }
    const pkcs8Der = await this.deps.keyProtector.decrypt(await readKeyFile(this.deps.dir, id));
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' });
    } finally {
      pkcs8Der.fill(0);
    }
    return fn(key, Buffer.from(entry.certificateDerBase64, 'base64'));
  }

  private async createDraft(parsed: ParsedCredential, fileName: string): Promise<{ draftId: string; summary: ImportSummary }> {
    this.drafts.purgeExpired();
    const inspection = inspectCertificate(parsed.certificateDer, { now: this.deps.clock.now() });
    if (inspection.status === 'expired') {
      throw new CredentialImportError('CERT_EXPIRED', `The certificate expired on ${inspection.notAfter}.`);
    }
    if (inspection.status === 'notYetValid') {
      throw new CredentialImportError('CERT_NOT_YET_VALID', `The certificate is valid from ${inspection.notBefore}.`);
    }
    // Refused before anything is kept: KSeF would reject every sign-in with it (the vault stays unchanged).
    assertKeyAccepted(inspection.keyProblem);
    await this.assertNotImported(inspection.fingerprintSha256);
    const summary: ImportSummary = { ...inspection, fileName, format: parsed.format, chainLength: parsed.chainDer.length };
    const draft = this.drafts.add({
      certificateDer: parsed.certificateDer,
      chainDer: parsed.chainDer,
      privateKeyPkcs8Der: parsed.privateKey.export({ type: 'pkcs8', format: 'der' }),
      summary,
    });
    return { draftId: draft.id, summary };
  }

  private async assertNotImported(fingerprintSha256: string, metadata?: VaultMetadata): Promise<void> {
    const current = metadata ?? (await readMetadata(this.deps.dir));
    if (current.entries.some((entry) => entry.fingerprintSha256 === fingerprintSha256)) {
      throw new VaultError('ALREADY_IMPORTED', 'This certificate is already in the vault.');
    }
  }

  private async store(input: {
    certificateDer: Buffer;
    chainDer: Buffer[];
    privateKeyPkcs8Der: Buffer;
    label: string;
    source: CertificateSource;
    ksefCertificateType?: KsefCertificateType | undefined;
    defaultKey: string | undefined;
  }): Promise<string> {
    const protector = this.deps.keyProtector;
    if (!protector.isAvailable()) {
      throw new KeyProtectionError('KEY_PROTECTION_UNAVAILABLE', `Key protection (${protector.kind}) is unavailable.`);
    }
    return this.exclusive(async () => {
      await ensurePrivateDirectory(this.deps.dir);
      const metadata = await readMetadata(this.deps.dir);
      const inspection = inspectCertificate(input.certificateDer, { now: this.deps.clock.now() });
      await this.assertNotImported(inspection.fingerprintSha256, metadata);
      const encryptedKey = await protector.encrypt(input.privateKeyPkcs8Der);
      const entry: StoredEntry = {
        id: randomUUID(),
        label: input.label,
        source: input.source,
        ...(input.ksefCertificateType ? { ksefCertificateType: input.ksefCertificateType } : {}),
        fingerprintSha256: inspection.fingerprintSha256,
        certificateDerBase64: input.certificateDer.toString('base64'),
        chainDerBase64: input.chainDer.map((der) => der.toString('base64')),
        protection: protector.kind,
        createdAt: this.deps.clock.now().toISOString(),
      };
      await writeVaultFile(this.deps.dir, keyFileName(entry.id), encryptedKey);
      const defaults = input.defaultKey === undefined ? metadata.defaults : { ...metadata.defaults, [input.defaultKey]: entry.id };
      try {
        await writeMetadata(this.deps.dir, { ...metadata, entries: [...metadata.entries, entry], defaults });
      } catch (error) {
        await deleteKeyFile(this.deps.dir, entry.id); // keep the vault exactly as it was
        throw error;
      }
      return entry.id;
    });
  }

  private findEntry(metadata: VaultMetadata, id: string): StoredEntry {
    const entry = metadata.entries.find((candidate) => candidate.id === id);
    if (entry === undefined) throw new VaultError('ENTRY_NOT_FOUND', `No vault entry ${id}.`);
    return entry;
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    return this.queue.run(operation);
  }
}
