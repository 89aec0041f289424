import type { z } from 'zod';
import { badRequest } from './errors';
import type { RequestContext } from './router';

/** Parses the JSON body against a zod schema; any failure is the universal 400 21405 with the validator's text. */
export function parseJsonBody<S extends z.ZodType>(ctx: RequestContext, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(ctx.body.toString('utf8'));
  } catch (error) {
    throw badRequest(21405, `Nieprawidłowy JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw badRequest(21405, ...parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`));
  }
  return parsed.data;
}
