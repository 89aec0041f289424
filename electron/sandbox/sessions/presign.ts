/**
 * Presigned URLs served by the sandbox itself, mimicking KSeF's storage links: no Bearer token, an expiry
 * and an HMAC signature over path + expiry instead. A tampered or expired link is 403, like Azure Blob's SAS.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { KsefApiError } from '../server/errors';

export const PRESIGNED_PREFIX = '/__sandbox';

export interface PresignedUrl {
  url: string;
  expiresAt: Date;
}

function signature(key: Buffer, path: string, expiresAtMs: number): string {
  return createHmac('sha256', key).update(`${path}\n${expiresAtMs}`).digest('base64url');
}

/** `apiBaseUrl` is …/v2 as the client called it; presigned links live beside it on the same host. */
export function presignUrl(key: Buffer, apiBaseUrl: string, path: string, expiresAt: Date): PresignedUrl {
  const origin = apiBaseUrl.replace(/\/v2\/?$/, '');
  const expiresAtMs = expiresAt.getTime();
  const query = new URLSearchParams({ se: String(expiresAtMs), sig: signature(key, path, expiresAtMs) });
  return { url: `${origin}${path}?${query.toString()}`, expiresAt };
}

function denied(detail: string): KsefApiError {
  return new KsefApiError({ status: 403, reasonCode: 'insufficient-resource-access', detail });
}

/** Throws 403 unless `query` carries a valid, unexpired signature for `path`. */
export function verifyPresigned(key: Buffer, path: string, query: URLSearchParams, now: Date): void {
  const expiresAtMs = Number(query.get('se'));
  const given = Buffer.from(query.get('sig') ?? '', 'utf8');
  const expected = Buffer.from(signature(key, path, expiresAtMs), 'utf8');
  if (!Number.isFinite(expiresAtMs) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw denied('Podpis adresu jest nieprawidłowy.');
  }
  if (now.getTime() > expiresAtMs) throw denied('Adres wygasł.');
}
