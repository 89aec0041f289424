import { badRequest } from './errors';

/** Continuation tokens are opaque to clients; ours wrap the next offset. Anything else → 400 21418. */
export function encodeContinuationToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeContinuationToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the documented error
  }
  throw badRequest(21418);
}

/** pageSize query within the endpoint's documented range; outside → 400 21405. */
export function parsePageSize(raw: string | null, range: { min: number; max: number; fallback: number }): number {
  if (raw === null || raw === '') return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw badRequest(21405, `pageSize: wartość musi być liczbą całkowitą z zakresu ${range.min}-${range.max}.`);
  }
  return value;
}
