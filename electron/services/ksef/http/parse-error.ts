import { z } from 'zod';
import { KsefApiError } from './errors';

// Every field optional: an error body must never fail to parse, we take what is there.
const exceptionResponseSchema = z.object({
  exception: z
    .object({
      exceptionDetailList: z
        .array(
          z.object({
            exceptionCode: z.number().int(),
            exceptionDescription: z.string().nullish(),
            details: z.array(z.string()).nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});

const problemDetailsSchema = z.object({
  title: z.string().nullish(),
  detail: z.string().nullish(),
  reasonCode: z.string().nullish(),
  errors: z
    .array(z.object({ code: z.number().int(), description: z.string().nullish(), details: z.array(z.string()).nullish() }))
    .nullish(),
});

// Deprecated 429 body: {status:{code, description, details}}.
const statusBodySchema = z.object({
  status: z.object({ code: z.number().int().nullish(), description: z.string().nullish(), details: z.array(z.string()).nullish() }),
});

/** `Retry-After` is seconds in KSeF; an HTTP-date is accepted too. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function compact(values: Array<string | null | undefined>): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** Turns any KSeF error answer (ExceptionResponse, problem+json, legacy 429 body, or garbage) into a KsefApiError. */
export function parseKsefError(httpStatus: number, bodyText: string, retryAfterHeader: string | undefined, nowMs: number): KsefApiError {
  const body = parseJson(bodyText);
  const retryAfterSeconds = parseRetryAfter(retryAfterHeader, nowMs);
  const base = { httpStatus, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };

  const exception = exceptionResponseSchema.safeParse(body);
  const list = exception.success ? exception.data.exception?.exceptionDetailList : undefined;
  if (list && list.length > 0) {
    return new KsefApiError({
      ...base,
      exceptionCodes: list.map((e) => e.exceptionCode),
      details: list.flatMap((e) => compact([e.exceptionDescription, ...(e.details ?? [])])),
    });
  }

  const problem = problemDetailsSchema.safeParse(body);
  if (problem.success && (problem.data.errors || problem.data.detail || problem.data.title)) {
    const errors = problem.data.errors ?? [];
    return new KsefApiError({
      ...base,
      exceptionCodes: errors.map((e) => e.code),
      details: errors.length > 0 ? errors.flatMap((e) => compact([e.description, ...(e.details ?? [])])) : compact([problem.data.detail ?? problem.data.title]),
      ...(problem.data.reasonCode ? { reasonCode: problem.data.reasonCode } : {}),
    });
  }

  const legacy = statusBodySchema.safeParse(body);
  if (legacy.success) {
    return new KsefApiError({ ...base, details: compact([legacy.data.status.description, ...(legacy.data.status.details ?? [])]) });
  }
  // Proxies and load balancers answer with HTML or plain text; keep a short excerpt only.
  return new KsefApiError({ ...base, details: compact([bodyText.trim().slice(0, 200)]) });
}
