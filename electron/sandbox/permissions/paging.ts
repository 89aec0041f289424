import { badRequest } from '../server/errors';
import type { RequestContext } from '../server/router';

/** `pageOffset` query (0-based page index) of the offset-paged queries; invalid → 400 21405. */
export function pageOffsetOf(ctx: RequestContext): number {
  const raw = ctx.query.get('pageOffset');
  if (raw === null || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw badRequest(21405, 'pageOffset: wartość musi być nieujemną liczbą całkowitą.');
  return value;
}

/** One page of `rows` plus the spec's `hasMore` flag. */
export function offsetPage<T>(rows: readonly T[], pageOffset: number, pageSize: number): { items: T[]; hasMore: boolean } {
  return { items: rows.slice(pageOffset * pageSize, (pageOffset + 1) * pageSize), hasMore: rows.length > (pageOffset + 1) * pageSize };
}
