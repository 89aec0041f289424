/**
 * What a KSeF client does around sessions, in miniature: KSeF-token login, session key wrapping, invoice and
 * batch-part encryption, FA(3) invoices with chosen seller/number. Used by the benchmark and the integration
 * tests; never by the server itself.
 */
import { constants, createCipheriv, publicEncrypt, randomBytes, X509Certificate } from 'node:crypto';
import { zipSync } from 'fflate';
import { createKsefToken } from '../auth/ksef-token-store';
import { sha256Base64 } from '../crypto/primitives';
import { renderFa3Invoice } from '../invoices/fa3-writer';
import type { RunningSandbox } from '../index';
import type { ContextIdentifier, TokenPermission } from '../state/types';

export const FA3_FORM_CODE = { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' } as const;

export interface TestInvoiceOptions {
  sellerNip: string;
  invoiceNumber: string;
  /** `YYYY-MM-DD`; defaults to 2026-01-02. */
  issueDate?: string;
  buyerNip?: string;
}

/** A small, XSD-valid FA(3) invoice (one 23 % line). */
export function buildTestInvoice(options: TestInvoiceOptions): Buffer {
  const issueDate = options.issueDate ?? '2026-01-02';
  const { xml } = renderFa3Invoice({
    seller: { nip: options.sellerNip, name: 'Sprzedawca Testowy sp. z o.o.', addressLine1: 'ul. Prosta 1', addressLine2: '00-001 Warszawa' },
    buyer: { nip: options.buyerNip ?? '7352765225', name: 'Nabywca Testowy S.A.', addressLine1: 'ul. Krzywa 2', addressLine2: '30-001 Kraków' },
    createdAt: `${issueDate}T08:00:00Z`,
    issueDate,
    placeOfIssue: 'Warszawa',
    invoiceNumber: options.invoiceNumber,
    currency: 'PLN',
    kind: 'VAT',
    lines: [{ uuid: '5f0c8f6e-8a1b-4c55-9a3e-0c2d7d1b9a11', name: 'Usługa testowa', unit: 'szt.', quantity: '1', unitNetPrice: '100.00', rate: '23' }],
    paymentDueDate: issueDate,
    bankAccount: 'PL61109010140000071219812874',
  });
  return Buffer.from(xml, 'utf8');
}

/** AES-256 key + IV of one session, wrapped with the sandbox's SymmetricKeyEncryption certificate. */
export class ClientSessionKey {
  readonly key = randomBytes(32);
  readonly iv = randomBytes(16);

  encryptionInfo(certificateBase64: string, publicKeyId?: string): { encryptedSymmetricKey: string; initializationVector: string; publicKeyId?: string } {
    const certificate = new X509Certificate(Buffer.from(certificateBase64, 'base64'));
    const wrapped = publicEncrypt({ key: certificate.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, this.key);
    return { encryptedSymmetricKey: wrapped.toString('base64'), initializationVector: this.iv.toString('base64'), ...(publicKeyId ? { publicKeyId } : {}) };
  }

  encrypt(plain: Buffer): Buffer {
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv);
    return Buffer.concat([cipher.update(plain), cipher.final()]);
  }
}

export interface SendInvoiceBody {
  invoiceHash: string;
  invoiceSize: number;
  encryptedInvoiceHash: string;
  encryptedInvoiceSize: number;
  encryptedInvoiceContent: string;
  offlineMode?: boolean;
  hashOfCorrectedInvoice?: string;
}

export function sendInvoiceBody(key: ClientSessionKey, xml: Buffer): SendInvoiceBody {
  const encrypted = key.encrypt(xml);
  return {
    invoiceHash: sha256Base64(xml),
    invoiceSize: xml.length,
    encryptedInvoiceHash: sha256Base64(encrypted),
    encryptedInvoiceSize: encrypted.length,
    encryptedInvoiceContent: encrypted.toString('base64'),
  };
}

export function zipInvoices(files: readonly { name: string; xml: Buffer }[]): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = new Uint8Array(file.xml);
  return Buffer.from(zipSync(entries, { level: 1 }));
}

export interface EncryptedPart {
  ordinalNumber: number;
  bytes: Buffer;
  fileSize: number;
  fileHash: string;
}

/** Splits the archive bytes evenly (as the C# client does) and encrypts every part with the same key and IV. */
export function encryptParts(key: ClientSessionKey, archive: Buffer, partCount: number): EncryptedPart[] {
  const partSize = Math.ceil(archive.length / partCount);
  return Array.from({ length: partCount }, (_, index) => {
    const bytes = key.encrypt(archive.subarray(index * partSize, (index + 1) * partSize));
    return { ordinalNumber: index + 1, bytes, fileSize: bytes.length, fileHash: sha256Base64(bytes) };
  });
}

export function batchOpenBody(key: ClientSessionKey, certificate: { certificate: string; publicKeyId: string }, archive: Buffer, parts: EncryptedPart[]) {
  return {
    formCode: FA3_FORM_CODE,
    batchFile: {
      fileSize: archive.length,
      fileHash: sha256Base64(archive),
      fileParts: parts.map(({ ordinalNumber, fileSize, fileHash }) => ({ ordinalNumber, fileSize, fileHash })),
    },
    encryption: key.encryptionInfo(certificate.certificate, certificate.publicKeyId),
  };
}

async function postJson(url: string, body: unknown, bearer?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${await response.text()}`);
  return response.json();
}

export interface PublishedKeyInfo {
  certificate: string;
  publicKeyId: string;
  usage: string[];
}

export async function publishedKey(baseUrl: string, usage: 'SymmetricKeyEncryption' | 'KsefTokenEncryption'): Promise<PublishedKeyInfo> {
  const keys = (await (await fetch(`${baseUrl}/security/public-key-certificates`)).json()) as PublishedKeyInfo[];
  const key = keys.find((k) => k.usage.includes(usage));
  if (!key) throw new Error(`no ${usage} key published`);
  return key;
}

/** KSeF-token login without any test framework: seed token → challenge → encrypted token → redeem. */
export async function loginWithToken(sandbox: RunningSandbox, context: ContextIdentifier, permissions: TokenPermission[] = ['InvoiceWrite', 'InvoiceRead']): Promise<string> {
  const token = createKsefToken(sandbox.deps.store, { context, author: { type: 'Nip', value: context.value }, permissions, description: 'bench' }, sandbox.deps.clock.now());
  const key = await publishedKey(sandbox.baseUrl, 'KsefTokenEncryption');
  const challenge = (await postJson(`${sandbox.baseUrl}/auth/challenge`, undefined)) as { challenge: string; timestampMs: number };
  const certificate = new X509Certificate(Buffer.from(key.certificate, 'base64'));
  const encryptedToken = publicEncrypt(
    { key: certificate.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(`${token.token}|${challenge.timestampMs}`),
  ).toString('base64');
  const start = (await postJson(`${sandbox.baseUrl}/auth/ksef-token`, {
    challenge: challenge.challenge,
    contextIdentifier: context,
    encryptedToken,
    publicKeyId: key.publicKeyId,
  })) as { authenticationToken: { token: string } };
  const tokens = (await postJson(`${sandbox.baseUrl}/auth/token/redeem`, undefined, start.authenticationToken.token)) as { accessToken: { token: string } };
  return tokens.accessToken.token;
}
