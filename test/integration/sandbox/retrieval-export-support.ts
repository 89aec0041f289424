/** Client side of invoice exports for the retrieval tests: key wrapping, polling, part download and decryption. */
import { createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { RunningSandbox } from '../../../electron/sandbox/index';
import type { InvoiceMetadataJson } from '../../../electron/sandbox/retrieval';
import { expectRequestMatchesSpec } from '../../helpers/openapi-checks';
import { encryptWithCertificate, publicKeyFor } from '../../helpers/sandbox-auth';
import { callChecked, type ApiResponse } from '../../helpers/sandbox-http';

export interface ExportPart {
  ordinalNumber: number;
  partName: string;
  method: string;
  url: string;
  partSize: number;
  partHash: string;
  encryptedPartSize: number;
  encryptedPartHash: string;
  expirationDate: string;
}

export interface ExportStatus {
  status: { code: number; description: string; details?: string[] };
  completedDate?: string;
  packageExpirationDate?: string;
  package?: {
    invoiceCount: number;
    size: number;
    parts: ExportPart[];
    isTruncated: boolean;
    lastPermanentStorageDate?: string;
    permanentStorageHwmDate?: string;
  };
}

export interface ClientKey {
  aesKey: Buffer;
  iv: Buffer;
  encryption: { encryptedSymmetricKey: string; initializationVector: string; publicKeyId: string };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('base64');

export async function newClientKey(sandbox: RunningSandbox): Promise<ClientKey> {
  const certificate = await publicKeyFor(sandbox.baseUrl, 'SymmetricKeyEncryption');
  const aesKey = randomBytes(32);
  const iv = randomBytes(16);
  return {
    aesKey,
    iv,
    encryption: { encryptedSymmetricKey: encryptWithCertificate(certificate.certificate, aesKey), initializationVector: iv.toString('base64'), publicKeyId: certificate.publicKeyId },
  };
}

export async function startExport(sandbox: RunningSandbox, bearer: string, body: Record<string, unknown>): Promise<ApiResponse> {
  expectRequestMatchesSpec('POST', '/invoices/exports', body);
  return callChecked(sandbox.baseUrl, 'POST', '/invoices/exports', '/invoices/exports', { bearer, body });
}

export async function exportStatus(sandbox: RunningSandbox, bearer: string, referenceNumber: string): Promise<ApiResponse> {
  return callChecked(sandbox.baseUrl, 'GET', `/invoices/exports/${referenceNumber}`, '/invoices/exports/{referenceNumber}', { bearer });
}

/** Starts an export and polls its status until it leaves 100. */
export async function finishedExport(sandbox: RunningSandbox, bearer: string, body: Record<string, unknown>): Promise<{ referenceNumber: string; status: ExportStatus }> {
  const started = await startExport(sandbox, bearer, body);
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const { referenceNumber } = started.body as { referenceNumber: string };
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await exportStatus(sandbox, bearer, referenceNumber);
    expect(response.status).toBe(200);
    const status = response.body as ExportStatus;
    if (status.status.code !== 100) return { referenceNumber, status };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`export ${referenceNumber} never finished`);
}

/** What a client does: fetch each part without a token, check hashes, decrypt, concatenate in ordinal order. */
export async function downloadPackage(status: ExportStatus, key: ClientKey): Promise<Buffer> {
  const plainParts: Buffer[] = [];
  for (const part of [...status.package!.parts].sort((a, b) => a.ordinalNumber - b.ordinalNumber)) {
    expect(part.method).toBe('GET');
    const response = await fetch(part.url);
    expect(response.status).toBe(200);
    const encrypted = Buffer.from(await response.arrayBuffer());
    expect(encrypted.length).toBe(part.encryptedPartSize);
    expect(sha256(encrypted)).toBe(part.encryptedPartHash);
    expect(response.headers.get('x-ms-meta-hash')).toBe(part.encryptedPartHash);
    const decipher = createDecipheriv('aes-256-cbc', key.aesKey, key.iv);
    const plain = Buffer.concat([decipher.update(encrypted), decipher.final()]);
    expect(plain.length).toBe(part.partSize);
    expect(sha256(plain)).toBe(part.partHash);
    plainParts.push(plain);
  }
  const archive = Buffer.concat(plainParts);
  expect(archive.length).toBe(status.package!.size);
  return archive;
}

export function metadataOf(files: Record<string, Uint8Array>): InvoiceMetadataJson[] {
  return (JSON.parse(Buffer.from(files['_metadata.json']!).toString('utf8')) as { invoices: InvoiceMetadataJson[] }).invoices;
}
