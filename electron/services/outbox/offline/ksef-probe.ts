import { AppError } from '../../errors/app-error';
import { KsefApiError, KsefNetworkError } from '../../ksef';

/** Public, cheap and limited per IP only (60/s): asking for it says whether KSeF answers at all. */
const PROBE_PATH = '/security/public-key-certificates';
const PROBE_TIMEOUT_MS = 8_000;

export type FetchLike = (url: string, init: { method: string; signal: AbortSignal }) => Promise<{ status: number }>;

/** A probe for the outage detector: true when KSeF answers below 500 within the timeout. */
export function createKsefProbe(baseUrl: () => Promise<string | null>, fetchImpl: FetchLike = fetch): () => Promise<boolean> {
  return async () => {
    const url = await baseUrl();
    if (!url) return false;
    try {
      const response = await fetchImpl(`${url.replace(/\/$/, '')}${PROBE_PATH}`, { method: 'GET', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      return response.status < 500;
    } catch {
      return false;
    }
  };
}

/**
 * Whether a failed KSeF call looks like an outage (no answer, or a 5xx) rather than a refusal of this
 * request (4xx, 429, validation). Accepts the client's errors and their AppError form.
 */
export function isOutageSignal(error: unknown): boolean {
  if (error instanceof KsefNetworkError) return true;
  if (error instanceof KsefApiError) return error.httpStatus >= 500;
  if (error instanceof AppError) {
    if (error.code === 'NETWORK_ERROR') return true;
    if (error.code !== 'KSEF_UNAVAILABLE') return false;
    return error.details.some((detail) => /^http:5\d\d$/.test(detail) || detail.startsWith('network:'));
  }
  return false;
}
