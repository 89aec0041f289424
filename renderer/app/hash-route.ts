/**
 * The app's location lives in the URL hash (`#/sent`, `#/issue?draft=ID`), so a page can be opened from
 * another one (and survives a reload) without a router.
 */
export const PAGE_IDS = ['issue', 'sent', 'received', 'certificates', 'companies', 'settings'] as const;
export type PageId = (typeof PAGE_IDS)[number];

const isPageId = (id: string): id is PageId => (PAGE_IDS as readonly string[]).includes(id);

/** `#/issue?draft=…` → `issue`. */
function pathOfHash(hash: string): string {
  return hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

/** The start view (no page in the hash, e.g. at launch) or #/welcome (Settings → "Show the guide"). */
export function isGuideHash(hash: string): boolean {
  const id = pathOfHash(hash);
  return id === 'welcome' || !isPageId(id);
}

export function pageFromHash(hash: string): PageId {
  const id = pathOfHash(hash);
  return isPageId(id) ? id : 'issue';
}

/** A parameter of the hash's query part, e.g. `draft` of `#/issue?draft=ID`; null when absent or empty. */
export function hashParameter(hash: string, name: string): string | null {
  const query = hash.split('?')[1];
  if (query === undefined) return null;
  return new URLSearchParams(query).get(name) || null;
}
