/** Lists for autocomplete stay short; typing narrows them. */
export const LIST_LIMIT = 200;

/** A LIKE pattern matching the query anywhere, with LIKE's own wildcards escaped. */
export function likePattern(query: string): string {
  return `%${query.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
