/**
 * DNS-rebinding guard, as the IPC bridge has: a web page on another origin can make a browser send
 * requests here only under its own host name, so we answer only for loopback names (or the exact host
 * we were bound to) with our own port.
 */
const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

function isLoopbackName(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function splitHostHeader(value: string): { hostname: string; port: number } | null {
  // The URL parser validates the syntax (IPv6 brackets, ports) for us.
  try {
    const url = new URL(`http://${value}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    return { hostname: url.hostname.toLowerCase(), port: url.port === '' ? 80 : Number(url.port) };
  } catch {
    return null;
  }
}

export function isAllowedHostHeader(value: string | undefined, server: { boundHost: string; port: number }): boolean {
  if (value === undefined || value === '') return false;
  const parsed = splitHostHeader(value);
  if (parsed === null || parsed.port !== server.port) return false;
  if (isLoopbackName(parsed.hostname)) return true;
  const bound = server.boundHost.toLowerCase();
  const wildcard = bound === '0.0.0.0' || bound === '::' || bound === '';
  const boundForUrl = bound.includes(':') ? `[${bound}]` : bound;
  return !wildcard && parsed.hostname === boundForUrl;
}
