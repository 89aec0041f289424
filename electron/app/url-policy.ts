// Pure URL checks used by the security guards; parsed with the URL parser, never by substring.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ksef-desk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Links we hand to the operating system: https only, no embedded credentials, no odd hosts. */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.hostname === '' || !url.hostname.includes('.')) return false;
  return !/[\s<>"'`\\]/.test(raw);
}

/** True only for our own UI origin (app://ksef-desk/...). */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Requests the renderer may make: its own app:// files plus inline data/blob images. No network. */
export function isAllowedRendererRequest(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  try {
    const protocol = new URL(raw).protocol;
    return protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:';
  } catch {
    return false;
  }
}
