import type { KeyObject } from 'node:crypto';
import type { KsefEnvironment } from '../../../shared/domain/environments';
import { ENVIRONMENT_DESCRIPTORS } from '../../../shared/domain/environments';
import type { CertificateDraft, CertificateEntry, CertificateKeyAlgorithm } from '../../../shared/ipc/channels/certificates';
import type { KsefCertificateStatus } from '../../../shared/ipc/channels/ksef-certificates';
import { MAX_CERTIFICATE_FILE_BYTES } from '../../../shared/ipc/channels/limits';
import { type CertificateVault, type GeneratedCertificateMeta } from '../certificates';
import { createTestCertificate, type TestCertificateSubject } from '../certificates/test-certificate';
import { AppError } from '../errors/app-error';
import { withCertificateErrors } from './certificate-errors';
import { toCertificateEntry, toCertificateSummary } from './certificate-views';
import type { VaultAccess } from './vault-access';
import type { XadesSigner } from '../ksef';
import { signXadesEnveloped } from '../signing/xades-sign';

export type TestSubjectRequest =
  | { kind: 'person'; nip?: string; pesel?: string; givenName: string; surname: string }
  | { kind: 'seal'; nip: string; organizationName: string };

export interface CertificateServiceDeps {
  vault: CertificateVault;
  access: VaultAccess;
  onChange?: () => void;
  clock?: { now(): Date };
}

/** KSeF writes serials as 16 hex digits; an X.509 reader may drop leading zero bytes. */
export function sameSerialNumber(a: string, b: string): boolean {
  const normalize = (serial: string) => serial.toUpperCase().replace(/^0+(?=.)/, '');
  return normalize(a) === normalize(b);
}

/** The certificate use cases behind the IPC channels and the CLI: wizard drafts, list, test certificates. */
export class CertificateService {
  constructor(private readonly deps: CertificateServiceDeps) {}

  async list(): Promise<CertificateEntry[]> {
    return this.guard(async () => (await this.deps.vault.list()).map(toCertificateEntry));
  }

  async get(id: string): Promise<CertificateEntry> {
    const entry = (await this.list()).find((candidate) => candidate.id === id);
    if (!entry) throw new AppError('NOT_FOUND', `no certificate ${id}`);
    return entry;
  }

  /** Reads a credential file; the key stays in main as a draft until commit or discard. */
  async inspectFile(fileName: string, bytes: Buffer, password: string | undefined): Promise<CertificateDraft> {
    try {
      if (bytes.length > MAX_CERTIFICATE_FILE_BYTES) throw new AppError('FILE_TOO_LARGE', 'certificate file over 1 MiB');
      if (bytes.length === 0) throw new AppError('CORRUPT_FILE', 'empty file');
      return await this.guard(async () => {
        const { draftId, summary } = await this.deps.vault.importDraft(bytes, fileName, password);
        return { draftId, summary: toCertificateSummary(summary) };
      });
    } finally {
      bytes.fill(0); // the file may hold an unencrypted key
    }
  }

  async commit(draftId: string, label: string, defaultForNip: string | undefined): Promise<CertificateEntry> {
    await this.deps.access.assertUnlocked();
    const id = await this.guard(() => this.deps.vault.commitDraft(draftId, { label, ...(defaultForNip ? { defaultForNip } : {}) }));
    return this.changedEntry(id);
  }

  discard(draftId: string): void {
    this.deps.vault.discardDraft(draftId);
  }

  async remove(id: string): Promise<void> {
    await this.guard(() => this.deps.vault.remove(id));
    this.deps.onChange?.();
  }

  async setDefault(id: string, nip: string | undefined): Promise<void> {
    await this.guard(() => this.deps.vault.setDefault(id, nip));
    this.deps.onChange?.();
  }

  /** Self-signed test certificate, as KSeF TEST accepts; refused where it would be useless or misleading. */
  async createTest(
    environment: KsefEnvironment,
    subject: TestSubjectRequest,
    keyAlgorithm: CertificateKeyAlgorithm,
    options: { label?: string; defaultForNip?: string } = {},
  ): Promise<CertificateEntry> {
    if (!ENVIRONMENT_DESCRIPTORS[environment].acceptsTestCertificates) {
      throw new AppError('NOT_AVAILABLE_IN_ENVIRONMENT', `test certificates are not accepted in ${environment}`, [environment]);
    }
    await this.deps.access.assertUnlocked();
    const certificateSubject: TestCertificateSubject =
      subject.kind === 'person'
        ? { ...subject, commonName: `${subject.givenName} ${subject.surname}` }
        : { ...subject, commonName: subject.organizationName };
    const identifier = subject.nip ? `NIP ${subject.nip}` : `PESEL ${subject.kind === 'person' ? subject.pesel ?? '' : ''}`;
    const owner = subject.kind === 'person' ? `${subject.givenName} ${subject.surname}` : subject.organizationName;
    const defaultForNip = options.defaultForNip ?? (await this.noDefaultYet(subject.nip));
    const id = await this.guard(async () => {
      const generated = await createTestCertificate(certificateSubject, keyAlgorithm);
      try {
        return await this.deps.vault.addGenerated(generated.certificateDer, generated.privateKeyPkcs8Der, {
          label: (options.label ?? `Test: ${owner} (${identifier})`).slice(0, 100),
          source: 'test',
          ...(defaultForNip ? { defaultForNip } : {}),
        });
      } finally {
        generated.privateKeyPkcs8Der.fill(0);
      }
    });
    return this.changedEntry(id);
  }

  /** Stores a certificate KSeF issued for a key we generated (enrollment). */
  async addEnrolled(certificateDer: Buffer, privateKeyPkcs8Der: Buffer, meta: Omit<GeneratedCertificateMeta, 'source'>): Promise<CertificateEntry> {
    await this.deps.access.assertUnlocked();
    const id = await this.guard(() => this.deps.vault.addGenerated(certificateDer, privateKeyPkcs8Der, { ...meta, source: 'ksef' }));
    return this.changedEntry(id);
  }

  /**
   * Marks local copies of KSeF certificates that KSeF lists as revoked or blocked (blocked is the step
   * right before revoked, and neither works again). Only KSeF-issued entries are matched, by serial.
   * Returns the matching entry id per serial, and whether anything changed (the caller emits the event).
   */
  async syncKsefStatuses(statuses: ReadonlyMap<string, KsefCertificateStatus>): Promise<{ localIds: Map<string, string>; changed: boolean }> {
    const localIds = new Map<string, string>();
    let changed = false;
    for (const entry of await this.guard(() => this.deps.vault.list())) {
      if (entry.ksefCertificateType === undefined) continue;
      const serial = [...statuses.keys()].find((candidate) => sameSerialNumber(candidate, entry.serialNumber));
      if (serial === undefined) continue;
      localIds.set(serial, entry.id);
      const status = statuses.get(serial);
      if ((status === 'Revoked' || status === 'Blocked') && entry.status !== 'revoked') {
        await this.guard(() => this.deps.vault.markRevoked(entry.id, this.deps.clock?.now() ?? new Date()));
        changed = true;
      }
    }
    return { localIds, changed };
  }

  /** The certificate to sign in with: the explicit one, else the default for the NIP (or for any context). */
  async resolveForSignIn(nip: string, certificateId: string | undefined): Promise<CertificateEntry> {
    const id = certificateId ?? (await this.guard(() => this.deps.vault.getDefault(nip)));
    if (!id) throw new AppError('NO_DEFAULT_CERTIFICATE', `no default certificate for ${nip}`);
    const entry = await this.get(id);
    if (!entry.canSignIn) throw new AppError('CANNOT_SIGN_IN_WITH_CERTIFICATE', `certificate ${id} cannot sign in`, [entry.status]);
    return entry;
  }

  /** Runs `fn` with the decrypted key; the key object never leaves main. */
  /**
   * A XAdES signer over a vault entry: the key is decrypted only inside each `sign()` call, not while
   * KSeF is polled or tokens are redeemed around it.
   */
  async signerFor(id: string): Promise<XadesSigner> {
    await this.deps.access.assertUnlocked();
    const certificateDer = await this.guard(() => this.deps.vault.certificateDer(id));
    return {
      certificateDer,
      sign: (xml) => this.withPrivateKey(id, async (key, der) => signXadesEnveloped(xml, key, der)),
    };
  }

  async withPrivateKey<T>(id: string, fn: (key: KeyObject, certificateDer: Buffer) => Promise<T>): Promise<T> {
    await this.deps.access.assertUnlocked();
    return this.guard(() => this.deps.vault.withPrivateKey(id, fn));
  }

  purgeExpiredDrafts(): void {
    this.deps.vault.purgeExpiredDrafts();
  }

  private async noDefaultYet(nip: string | undefined): Promise<string | undefined> {
    if (!nip) return undefined;
    const entries = await this.list();
    return entries.some((entry) => entry.defaultFor.includes(nip)) ? undefined : nip;
  }

  private async changedEntry(id: string): Promise<CertificateEntry> {
    this.deps.onChange?.();
    return this.get(id);
  }

  private guard<T>(operation: () => Promise<T>): Promise<T> {
    return withCertificateErrors(operation, () => !this.deps.access.protector.isUnlocked);
  }
}
